package io.bootrig.rig.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.Rfc2217Endpoint;
import io.bootrig.rig.link.Ser2Net;
import io.bootrig.rig.link.SerialEndpoint;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.link.SocatPtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console against a scripted test app on the far end of a real pty (directly, and through ser2net's RFC 2217). */
class TestAppEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SocatPtyPair pty;

    @BeforeEach
    void startPty() {
        pty = SocatPtyPair.start(dir);
    }

    @AfterEach
    void stopPty() {
        pty.close();
    }

    @Test
    void overASerialDevice() throws Exception {
        exercise(new SerialEndpoint(pty.a().toString(), SerialSettings.DEFAULT));
    }

    @Test
    void overRfc2217ThroughSer2net() throws Exception {
        try (Ser2Net server = Ser2Net.start(dir, pty.a(), "telnet(rfc2217),tcp")) {
            exercise(new Rfc2217Endpoint("127.0.0.1", server.port(), SerialSettings.DEFAULT));
        }
    }

    private void exercise(LinkEndpoint endpoint) throws Exception {
        try (Transcript transcript = Transcript.toFiles(dir.resolve("transcript"));
                Console console = Console.open(endpoint, WAIT, transcript)) {
            TestAppPeer app = TestAppPeer.boot(new SerialEndpoint(pty.b().toString(), SerialSettings.DEFAULT).open());
            try {
                talkTo(console);
            } finally {
                app.close();
            }
        }
        String text = Files.readString(dir.resolve("transcript.txt"));
        assertThat(text).contains("---- step: info", " out  \"info\\r\"", "System information\\r\\n", "---- console closed");
        assertThat(Files.readAllLines(dir.resolve("transcript.jsonl"))).allMatch(l -> l.startsWith("{\"seq\":"));
    }

    private static void talkTo(Console console) throws Exception {
        console.marker("step: wait for the banner");
        ConsoleMatch start = console.expect(Pattern.compile("\\r\\n" + Pattern.quote(Console.PROMPT)), WAIT);
        TestAppBanner banner = TestAppBanner.parse(start.before());
        assertThat(banner.version()).isEqualTo(1);
        assertThat(SystemInfo.parse(start.before()).bootState()).isEqualTo(PartitionState.NEW);

        console.marker("step: info");
        SystemInfo info = SystemInfo.parse(console.command("info", WAIT));
        assertThat(info.firmwareVersion()).isEqualTo(1);
        assertThat(info.banksSwapped()).contains(false);
        assertThat(info.keystore().orElseThrow().keys()).extracting(PublicKeyInfo::mask)
                .containsExactly(0xffffffffL, 0x0eL);

        HelpListing help = HelpListing.parse(console.command("help", WAIT));
        assertThat(help.commands()).containsKeys("info", "success", "update", "reboot");
        assertThat(help.commands().get("timestamp")).isEqualTo("print the current systick/timestamp");

        assertThat(console.command("frobnicate now", WAIT)).isEqualTo("Unknown command: frobnicate now\r\n");
        assertThat(console.command("", WAIT)).isEmpty();
        assertThat(console.command("success", WAIT)).isEqualTo("update success confirmed.\r\n");
        assertThat(SystemInfo.parse(console.command("info", WAIT)).bootState()).isEqualTo(PartitionState.CONFIRMED);

        console.marker("step: reboot");
        console.send("reboot");
        ConsoleMatch rebooted = console.expect(Pattern.compile("\\r\\n" + Pattern.quote(Console.PROMPT)), WAIT);
        assertThat(TestAppBanner.parse(rebooted.before())).isEqualTo(banner);
    }
}
