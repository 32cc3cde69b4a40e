package io.bootrig.rig.bench;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.UpdateReport;
import io.bootrig.rig.flow.TestAppSession;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.xmodem.SendResult;
import io.bootrig.rig.xmodem.XmodemSender;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A 160 KB update into the virtual board's test application paced at 115200 baud, by the rig's sender and by lrzsz's
 * sx against the same receiver in the same run. Both are timed from the receiver's first NAK to its ACK of EOT.
 */
public final class XmodemBench {
    private static final int IMAGE = 160 * 1024;
    private static final double LINE = 115200 / 10.0;
    /** 128 payload bytes per 132-byte packet plus the 1-byte ACK. */
    private static final double CEILING = LINE * 128 / 133;
    private static final Pattern DONE = Pattern.compile("End of transfer\\. ret: -?\\d+[\\s\\S]*?\\r?\\n"
            + Pattern.quote(Console.PROMPT));

    private XmodemBench() {}

    public static void run(BenchTable table, BenchBoard board, Path dir) throws Exception {
        var m = board.materials;
        byte[] payload = Arrays.copyOf(Files.readAllBytes(m.testApp()), IMAGE - m.layout().headerSize());
        byte[] image = ImageSigner.sign(payload, PrivateKeyFiles.load(m.signingKey(), Optional.of(m.layout().sign()), false),
                new SignRequest(2, OptionalLong.empty(), 1, m.layout().hash(), OptionalInt.of(m.layout().headerSize()),
                        List.of()));
        Files.write(dir.resolve("image.bin"), image);
        Console console = board.session.console();

        startUpdate(console);
        SendResult r;
        try (ByteLink link = console.asByteLink()) {
            r = new XmodemSender(link, UpdateInputs.testAppXmodem()).send(image);
        }
        finish(console, "the rig's sender");
        double ours = seconds(r.timeline().eot().acknowledged().orElseThrow().minus(r.timeline().requested().orElseThrow()));

        startUpdate(console);
        Duration sx;
        try (ByteLink link = console.asByteLink()) {
            sx = SxRelay.send(link, dir, "image.bin", Duration.ofMinutes(3));
        }
        // the relay may have passed the application's closing messages on to the departed sx: ask the board instead
        TestAppSession.atPrompt(console, Duration.ofSeconds(10));
        var update = TestAppSession.info(console).update();
        if (update.isEmpty() || update.get().version() != 2) {
            throw new IllegalStateException("after sx the UPDATE partition holds " + update.map(u -> "v" + u.version())
                    .orElse("no image") + ", expected the 160 KB v2");
        }
        double theirs = seconds(sx);

        table.add("xmodem", "160 KB update into the test app at 115200 baud: bytes/s",
                String.format("%.0f B/s", image.length / ours), String.format("%.0f B/s (sx)", image.length / theirs),
                String.format("%.3f x sx", theirs / ours),
                "stop-and-wait: per 128 bytes one 132-byte packet, the receiver's turnaround and its ACK; sx "
                        + "goes through socat and a relay thread, one more hop per turnaround");
        table.add("xmodem", "  % of the line rate (11520 B/s)", pct(image.length / ours / LINE),
                pct(image.length / theirs / LINE), "", "framing: 10 bits per byte on the line");
        table.add("xmodem", "  % of the protocol ceiling (128 of 133 bytes: 11086 B/s)", pct(image.length / ours / CEILING),
                pct(image.length / theirs / CEILING), "", "turnaround per block (pty, the model's flash write)");
    }

    private static void startUpdate(Console console) throws Exception {
        TestAppSession.atPrompt(console, Duration.ofSeconds(5));
        console.send("update");
        console.expect("Waiting for XMODEM transfer...", Duration.ofSeconds(30));
    }

    private static void finish(Console console, String who) throws Exception {
        String text = console.expect(DONE, Duration.ofSeconds(30)).text();
        if (!UpdateReport.parse(text).transferSucceeded()) {
            throw new IllegalStateException(who + ": the test application reports a failed transfer: " + text.strip());
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String pct(double fraction) {
        return String.format("%.1f%%", 100 * fraction);
    }
}
