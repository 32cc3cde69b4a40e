package io.bootrig.rig.link;

import static io.bootrig.rig.link.LinkReads.allByteValues;
import static io.bootrig.rig.link.LinkReads.readUntilLost;
import static io.bootrig.rig.link.LinkReads.readUpTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw TCP and RFC 2217 links against a real ser2net that serves one end of a socat pty pair. */
class Ser2NetLinkTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SocatPtyPair pty;
    private ByteLink board;

    @BeforeEach
    void start() throws IOException {
        pty = SocatPtyPair.start(dir);
        board = new SerialEndpoint(pty.b().toString(), SerialSettings.DEFAULT).open();
    }

    @AfterEach
    void stop() {
        board.close();
        pty.close();
    }

    private static void roundTrip(ByteLink rig, ByteLink board) throws IOException {
        rig.write(allByteValues());
        assertThat(readUpTo(board, 256, WAIT)).containsExactly(allByteValues());
        board.write(allByteValues());
        assertThat(readUpTo(rig, 256, WAIT)).containsExactly(allByteValues());
    }

    @Test
    void rawTcpCarriesEveryByteValue() throws Exception {
        try (Ser2Net server = Ser2Net.start(dir, pty.a(), "tcp");
                ByteLink rig = new TcpEndpoint("127.0.0.1", server.port()).open()) {
            roundTrip(rig, board);
            assertThat(rig.read(new byte[8], 0, 8, Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void rfc2217NegotiatesThePortAndEscapesFf() throws Exception {
        SerialSettings settings = SerialSettings.of(57600, "8N1");
        try (Ser2Net server = Ser2Net.start(dir, pty.a(), "telnet(rfc2217),tcp");
                Rfc2217Link rig = new Rfc2217Endpoint("127.0.0.1", server.port(), settings).open()) {
            assertThat(rig.acknowledgedBaud()).isEqualTo(57600);
            assertThat(stty(pty.a())).contains("speed 57600 baud");
            roundTrip(rig, board);
            assertThat(rig.describe()).isEqualTo("rfc2217://127.0.0.1:" + server.port() + " 57600 8N1");
        }
    }

    @Test
    void rfc2217AgainstARawServerFailsNegotiationWithinItsTimeout() throws Exception {
        try (Ser2Net server = Ser2Net.start(dir, pty.a(), "tcp")) {
            assertThatThrownBy(() -> Rfc2217Link.connect("127.0.0.1", server.port(), SerialSettings.DEFAULT,
                    Duration.ofMillis(500)))
                    .isInstanceOf(LinkUnavailableException.class)
                    .hasMessageContaining("did not complete RFC 2217 negotiation within 500 ms");
        }
    }

    @Test
    void aStoppedServerIsALostLinkForBothKinds() throws Exception {
        for (String accepter : List.of("tcp", "telnet(rfc2217),tcp")) {
            Ser2Net server = Ser2Net.start(dir, pty.a(), accepter);
            LinkEndpoint endpoint = accepter.equals("tcp") ? new TcpEndpoint("127.0.0.1", server.port())
                    : new Rfc2217Endpoint("127.0.0.1", server.port(), SerialSettings.DEFAULT);
            try (ByteLink rig = endpoint.open()) {
                server.close();
                assertThat(readUntilLost(rig, WAIT)).as(accepter).isNotNull()
                        .hasMessageContaining("127.0.0.1:" + server.port());
            }
            assertThatThrownBy(endpoint::open).isInstanceOf(LinkUnavailableException.class)
                    .hasMessageContaining("cannot connect");
        }
    }

    @Test
    void aVanishedDeviceBehindTheServerIsALostLink() throws Exception {
        try (Ser2Net server = Ser2Net.start(dir, pty.a(), "telnet(rfc2217),tcp");
                ByteLink rig = new Rfc2217Endpoint("127.0.0.1", server.port(), SerialSettings.DEFAULT).open()) {
            board.close();
            pty.kill();
            assertThat(readUntilLost(rig, WAIT)).as("ser2net drops the connection when its device fails").isNotNull();
        }
    }

    private static String stty(Path device) throws Exception {
        Process p = new ProcessBuilder("stty", "-F", device.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
