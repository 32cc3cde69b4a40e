package io.bootrig.rig.openocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TclRpcClientTest {
    /** Found by fuzzing (TclRpcClientFuzzTest): bytes read past a reply's 0x1a were dropped with it. */
    @Test
    void whatFollowsATerminatorInTheSameReadIsTheNextReply() throws Exception {
        byte[] stream = "0 Open On-Chip Debugger 0.12.0\u001a0 0x00000484\u001a1 \u001a0 partial".getBytes(StandardCharsets.UTF_8);
        try (TclRpcClient client = new TclRpcClient(socketReading(stream))) {
            assertThat(client.eval("version", Duration.ofSeconds(5))).isEqualTo("0 Open On-Chip Debugger 0.12.0");
            assertThat(client.eval("mdw", Duration.ofSeconds(5))).isEqualTo("0 0x00000484");
            assertThat(client.eval("x", Duration.ofSeconds(5))).isEqualTo("1 ");
            assertThatThrownBy(() -> client.eval("y", Duration.ofSeconds(5))).isInstanceOf(IOException.class)
                    .hasMessageContaining("closed the TCL connection");
        }
    }

    @Test
    void repliesAreReadInTheWrappersFormat() throws Exception {
        assertThat(OpenOcd.result("expr 1+1", "0 2", () -> "")).isEqualTo("2");
        assertThat(OpenOcd.result("return x", "2 x", () -> "")).isEqualTo("x");
        assertThatThrownBy(() -> OpenOcd.result("mdw 0", "1 ", () -> "flash locked")).isInstanceOf(TclErrorException.class)
                .hasMessageContaining("flash locked");
        assertThatThrownBy(() -> OpenOcd.result("mdw 0", "99999999999 x", () -> "")).isInstanceOf(OpenOcdException.class)
                .hasMessageContaining("unexpected TCL-RPC reply");
    }

    /** A socket whose reads return the whole stream at once, then its end. */
    private static Socket socketReading(byte[] stream) {
        InputStream in = new ByteArrayInputStream(stream);
        return new Socket() {
            @Override
            public InputStream getInputStream() {
                return in;
            }

            @Override
            public OutputStream getOutputStream() {
                return OutputStream.nullOutputStream();
            }

            @Override
            public void setSoTimeout(int timeout) {
                // reads never block
            }

            @Override
            public synchronized void close() {
                // nothing to release
            }
        };
    }
}
