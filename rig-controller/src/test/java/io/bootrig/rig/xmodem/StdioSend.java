package io.bootrig.rig.xmodem;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our sender on standard input and output, so that it can sit behind socat's EXEC address exactly where {@code sx}
 * sits: a fair comparison for {@link XmodemThroughputBenchmark}. Arguments: FILE, 128 or 1k. Exit 0 on success.
 */
public final class StdioSend {
    private StdioSend() {}

    public static void main(String[] args) throws Exception {
        byte[] data = Files.readAllBytes(Path.of(args[0]));
        BlockSize block = args[1].equals("1k") ? BlockSize.B1K : BlockSize.B128;
        MemoryLink.Pair pipe = MemoryLink.pair("stdio", "stdin");
        Thread pump = new Thread(() -> copy(System.in, pipe.right()), "stdin");
        pump.setDaemon(true);
        pump.start();
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        io.bootrig.rig.link.ByteLink link = new io.bootrig.rig.link.ByteLink() {
            @Override
            public int read(byte[] buffer, int offset, int length, java.time.Duration timeout)
                    throws java.io.IOException {
                return pipe.left().read(buffer, offset, length, timeout);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                out.write(bytes, offset, length);
                out.flush();
            }

            @Override
            public String describe() {
                return "stdio";
            }

            @Override
            public void close() {}
        };
        try {
            SendResult r = new XmodemSender(link, SenderSettings.defaults().withBlockSize(block)).send(data);
            System.err.println("sent " + r.bytes() + " bytes, " + r.timeline().totalNaks() + " NAKs");
            System.exit(0);
        } catch (XmodemException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    private static void copy(InputStream in, MemoryLink to) {
        byte[] buf = new byte[4096];
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                to.write(buf, 0, n);
            }
        } catch (java.io.IOException e) {
            // stdin closed: the send ends on its own timeouts
        }
    }
}
