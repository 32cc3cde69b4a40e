package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A board file that wires NRST ("reset_config srst_only srst_nogate") resets through remote_bitbang's SRST. */
class OpenOcdResetPinTest {
    @Test
    void resetHaltAndResetRunThroughNsrst() throws Exception {
        RecordingResetLine resetLine = new RecordingResetLine();
        try (DebugPort debugPort = DebugPort.start(new TestSystemBus(), resetLine)) {
            OpenOcd openOcd = OpenOcd.start(debugPort.port(), "reset_config srst_only srst_nogate");
            try (TclRpc tcl = TclRpc.connect(openOcd)) {
                resetLine.causes().clear();
                TclRpc.Outcome halt = tcl.call("reset halt");
                assertThat(halt.ok()).as(halt.message()).isTrue();
                assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("halted");
                assertThat(tcl.capture("reg pc")).contains("0x08000100");
                assertThat(resetLine.causes()).isNotEmpty().containsOnly("nSRST");

                assertThat(tcl.call("reset run").ok()).isTrue();
                assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("running");
                assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RUNNING);
                assertThat(OpenOcd.errorLines(openOcd.output())).isEmpty();
            } finally {
                openOcd.close();
            }
        }
    }
}
