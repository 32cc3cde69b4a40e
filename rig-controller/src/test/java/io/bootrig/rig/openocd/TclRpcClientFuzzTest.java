package io.bootrig.rig.openocd;

import static io.bootrig.rig.FuzzChecks.documented;
import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * OpenOCD's TCL-RPC replies on any bytes: the first byte sets how many bytes each socket read
 * returns (1..32), the rest is what "OpenOCD" sends. {@link TclRpcClient#eval}, called until the
 * stream ends, returns exactly the 0x1a-terminated pieces of the stream in order, whatever the read
 * boundaries, then an {@link IOException}; {@link OpenOcd#result} turns each piece into a result,
 * a {@link TclErrorException} or an {@link OpenOcdException}.
 */
class TclRpcClientFuzzTest {
    private static final int TERMINATOR = 0x1a;

    @FuzzTest(maxDuration = "5m")
    void eval(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 0x1F);
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        List<String> expected = replies(stream);
        try (TclRpcClient client = new TclRpcClient(new ScriptedSocket(stream, chunk))) {
            for (String want : expected) {
                String got;
                try {
                    got = client.eval("version", Duration.ofSeconds(5));
                } catch (IOException e) {
                    throw new AssertionError("eval failed before the stream's replies ran out", e);
                }
                require(got.equals(want), "eval returned '" + got + "', the stream's next reply is '" + want + "'");
                interpret(got);
            }
            try {
                String extra = client.eval("version", Duration.ofSeconds(5));
                throw new AssertionError("eval returned '" + extra + "' after the stream's last terminator");
            } catch (IOException endOfStream) {
                documented(endOfStream);
            }
        }
    }

    private static void interpret(String reply) {
        try {
            OpenOcd.result("version", reply, () -> "Error: from the log");
        } catch (TclErrorException | OpenOcdException e) {
            documented(e);
        }
    }

    private static List<String> replies(byte[] stream) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stream.length; i++) {
            if (stream[i] == TERMINATOR) {
                out.add(new String(stream, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    /** A connected socket in appearance: reads return the stream {@code chunk} bytes at a time, then end. */
    private static final class ScriptedSocket extends Socket {
        private final InputStream in;
        private final OutputStream out = OutputStream.nullOutputStream();

        ScriptedSocket(byte[] stream, int chunk) {
            in = new InputStream() {
                private int pos;

                @Override
                public int read() {
                    return pos < stream.length ? stream[pos++] & 0xFF : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    if (pos >= stream.length) {
                        return -1;
                    }
                    int n = Math.min(Math.min(len, chunk), stream.length - pos);
                    System.arraycopy(stream, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public void setSoTimeout(int timeout) {
            // reads never block
        }

        @Override
        public synchronized void close() {
            // nothing to release
        }
    }
}
