package io.bootrig.rig.xmodem;

import static org.awaitility.Awaitility.await;

import io.bootrig.rig.link.ByteLink;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Prints (does not assert) the effective throughput of our sender and of lrzsz's {@code sx} against the same
 * receiver over a socat pty, each sender behind socat's EXEC address (ours through {@link StdioSend}): first unpaced (a pty moves bytes at memory speed), then with the receiver's side paced
 * to a 115200-baud 8N1 line by {@link PacedLink}; and the theoretical time for the same image. Effective throughput
 * counts file bytes from the receiver's first received byte to its ACK of EOT.
 *
 * <p>Run: {@code mvn -B -q verify -Pbench -pl rig-controller -am -Dtest=XmodemThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (or all benchmarks: {@code mvn -B verify -Pbench}). Asserts nothing about
 * time.
 */
class XmodemThroughputBenchmark {
    private static final int BAUD = 115200;
    private static final double LINE_BYTES_PER_SECOND = BAUD / 10.0;
    private static final int HEADER = 256;
    private static final int IMAGE_SIZE = 160 * 1024;
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @org.junit.jupiter.api.Test
    void ourSenderAndSxAgainstTheSameReceivers() throws Exception {
        ExternalTools.requireSocatAndLrzsz();
        byte[] image = TestAppReceiver.image(IMAGE_SIZE - HEADER, HEADER, 160);
        Path dir = Files.createTempDirectory("xmodem-throughput");
        Files.write(dir.resolve("image.bin"), image);
        System.out.printf("image %d bytes (160 KB); line 115200 baud 8N1 = %.0f bytes/s%n%n", image.length,
                LINE_BYTES_PER_SECOND);

        System.out.println("theoretical at 115200 (stop-and-wait: every packet waits for its 1-byte ACK; "
                + "no turnaround, no flash time):");
        theory("checksum, 128-byte blocks (test app)", image.length, BlockSize.B128, ErrorCheck.CHECKSUM);
        theory("CRC-16, 128-byte blocks", image.length, BlockSize.B128, ErrorCheck.CRC16);
        theory("CRC-16, 1K blocks", image.length, BlockSize.B1K, ErrorCheck.CRC16);

        String testApp = "the test app's receiver (checksum, 128)";
        String standard = "our receiver (CRC-16)";
        for (boolean paced : new boolean[] {false, true}) {
            int runs = paced ? 3 : 1;
            System.out.printf("%nmeasured over a socat pty, %s; %s:%n",
                    paced ? "receiver side paced to 115200 baud" : "unpaced (memory speed)",
                    runs == 1 ? "one run" : "median of " + runs + " runs (each run in brackets)");
            report("our sender    -> " + testApp, image.length, runs, () -> run(dir, ours(dir, "128"), paced,
                    XmodemThroughputBenchmark::testApp));
            report("sx            -> " + testApp, image.length, runs, () -> run(dir, "sx -b image.bin", paced,
                    XmodemThroughputBenchmark::testApp));
            report("our sender 1K -> " + standard, image.length, runs, () -> run(dir, ours(dir, "1k"), paced,
                    XmodemThroughputBenchmark::standard));
            report("sx -k         -> " + standard, image.length, runs, () -> run(dir, "sx -k -b image.bin", paced,
                    XmodemThroughputBenchmark::standard));
        }
    }

    private static void theory(String label, int bytes, BlockSize size, ErrorCheck check) {
        int blocks = (bytes + size.bytes() - 1) / size.bytes();
        long wire = (long) blocks * (XmodemPacket.wireLength(size, check) + 1) + 2;
        double seconds = wire / LINE_BYTES_PER_SECOND;
        System.out.printf("  %-40s %5d packets of %4d + ACK: %7d bytes on the line, %6.2f s, %6.0f bytes/s = %5.1f%%%n",
                label, blocks, XmodemPacket.wireLength(size, check), wire, seconds, bytes / seconds,
                100 * bytes / seconds / LINE_BYTES_PER_SECOND);
    }

    private static void report(String label, int bytes, int runs, Callable<Duration> transfer) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add(transfer.call().toNanos() / 1e9);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        double s = sorted.get(sorted.size() / 2);
        System.out.printf("  %-55s %7.3f s, %8.0f bytes/s = %6.1f%% of the line rate%s%n", label, s, bytes / s,
                100 * bytes / s / LINE_BYTES_PER_SECOND, runs == 1 ? "" : seconds.stream()
                        .map(x -> String.format("%.1f%%", 100 * bytes / x / LINE_BYTES_PER_SECOND))
                        .collect(Collectors.joining(" ", " [", "]")));
    }

    /** A receiver running on a link until the transfer ends. */
    private interface Receiver {
        Callable<Void> on(ByteLink end) throws Exception;
    }

    private static Callable<Void> testApp(ByteLink end) {
        return () -> {
            try (TestAppReceiver board = TestAppReceiver.start(end,
                    new TestAppReceiver.Script(Duration.ofSeconds(1), HEADER, java.util.Set.of(), 0))) {
                await().atMost(LIMIT).pollInterval(Duration.ofMillis(5))
                        .until(() -> board.finished() || board.crash() != null);
                if (!Integer.valueOf(0).equals(board.ret())) {
                    throw new IllegalStateException("the test app ended with " + board.ret() + ", " + board.crash());
                }
            }
            return null;
        };
    }

    private static Callable<Void> standard(ByteLink end) {
        return () -> {
            new XmodemReceiver(end).receive(new ByteArrayOutputStream());
            return null;
        };
    }

    private static ByteLink receiverEnd(Socat socat, boolean paced) throws Exception {
        ByteLink serial = socat.openPty();
        return paced ? new PacedLink(serial, BAUD) : serial;
    }

    /** A script that starts {@link StdioSend} in a JVM (socat's EXEC address takes no colons: no classpath there). */
    private static String ours(Path dir, String block) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = location(StdioSend.class) + ":" + location(XmodemSender.class);
        Path script = dir.resolve("send-" + block + ".sh");
        Files.writeString(script, "exec '" + java + "' -cp '" + classpath + "' " + StdioSend.class.getName()
                + " image.bin " + block + "\n");
        return "sh " + script.getFileName();
    }

    private static String location(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The sender behind socat's EXEC address, the receiver in this JVM on socat's pty. */
    private static Duration run(Path dir, String sender, boolean paced, Receiver receiver) throws Exception {
        try (Socat socat = Socat.exec(dir, sender);
                TimedLink end = new TimedLink(receiverEnd(socat, paced))) {
            run(receiver.on(end)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            // the receiver's success is the verdict: socat may exit 1 when the test app prints after the sender left
            socat.awaitExit(LIMIT);
            return end.transfer();
        }
    }

    private static CompletableFuture<Void> run(Callable<Void> task) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
