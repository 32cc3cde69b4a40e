package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenOcdShutdownTest {
    @Test
    void shutdownEndsOpenOcdAndTheDebugPortServesTheNextSession() throws Exception {
        try (DebugPort debugPort = DebugPort.start(new TestSystemBus(), new RecordingResetLine())) {
            for (int session = 1; session <= 2; session++) {
                OpenOcd openOcd = OpenOcd.start(debugPort.port());
                try (TclRpc tcl = TclRpc.connect(openOcd)) {
                    assertThat(tcl.call("halt").ok()).isTrue();
                    assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("halted");
                    shutdown(tcl);
                    assertThat(openOcd.waitForExit(Duration.ofSeconds(60))).as("exit code").isZero();
                    assertThat(openOcd.output()).contains("shutdown command invoked");
                    assertThat(OpenOcd.errorLines(openOcd.output())).as("session " + session).isEmpty();
                } finally {
                    openOcd.close();
                }
            }
        }
    }

    private static void shutdown(TclRpc tcl) {
        try {
            tcl.send("shutdown");
        } catch (IOException closedBeforeReplying) {
            // OpenOCD may close the connection before it answers.
        }
    }
}
