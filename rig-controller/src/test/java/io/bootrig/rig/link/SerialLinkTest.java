package io.bootrig.rig.link;

import static io.bootrig.rig.link.LinkReads.allByteValues;
import static io.bootrig.rig.link.LinkReads.readUntilLost;
import static io.bootrig.rig.link.LinkReads.readUpTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialLinkTest {
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

    private SerialEndpoint rig() {
        return new SerialEndpoint(pty.a().toString(), SerialSettings.DEFAULT);
    }

    private SerialEndpoint board() {
        return new SerialEndpoint(pty.b().toString(), SerialSettings.DEFAULT);
    }

    @Test
    void everyByteValuePassesBothWays() throws Exception {
        try (ByteLink rig = rig().open(); ByteLink board = board().open()) {
            rig.write(allByteValues());
            assertThat(readUpTo(board, 256, WAIT)).containsExactly(allByteValues());
            board.write(allByteValues());
            assertThat(readUpTo(rig, 256, WAIT)).containsExactly(allByteValues());
            assertThat(rig.describe()).isEqualTo(pty.a() + " 115200 8N1");
        }
    }

    @Test
    void aReadWithNothingToReadReturnsZero() throws Exception {
        try (ByteLink rig = rig().open()) {
            assertThat(rig.read(new byte[16], 0, 16, Duration.ofMillis(50))).isZero();
        }
    }

    @Test
    void aByteArrivingDuringAShortWaitIsReadAndAZeroWaitReturnsAtOnce() throws Exception {
        try (ByteLink rig = rig().open(); ByteLink board = board().open()) {
            byte[] one = new byte[1];
            assertThat(rig.read(one, 0, 1, Duration.ZERO)).isZero();
            board.write(new byte[] {42});
            // jSerialComm alone would wait a whole tenth here; the byte must still come through a sub-tenth wait
            await().atMost(WAIT).until(() -> rig.read(one, 0, 1, Duration.ofMillis(30)) == 1);
            assertThat(one[0]).isEqualTo((byte) 42);
        }
    }

    @Test
    void theLastBytesWrittenBeforeCloseArrive() throws Exception {
        try (ByteLink board = board().open()) {
            for (int i = 0; i < 20; i++) {
                ByteLink rig = rig().open();
                rig.write(new byte[] {(byte) i});
                rig.close();
                assertThat(readUpTo(board, 1, WAIT)).as("round %d", i).containsExactly((byte) i);
            }
        }
    }

    @Test
    void aMissingDeviceIsUnavailable() {
        assertThatThrownBy(() -> new SerialEndpoint(dir.resolve("nothing").toString(), SerialSettings.DEFAULT).open())
                .isInstanceOf(LinkUnavailableException.class).hasMessageContaining("no such device");
    }

    @Test
    void aSecondOpenIsRefusedWhileTheFirstHoldsThePort() throws Exception {
        ByteLink first = rig().open();
        assertThatThrownBy(() -> rig().open()).isInstanceOf(LinkUnavailableException.class).hasMessageContaining("busy");
        first.close();
        rig().open().close();
    }

    @Test
    void aVanishedDeviceIsALostLinkAndTheLinkReopensWhenItReturns() throws Exception {
        ByteLink rig = rig().open();
        pty.kill();
        LinkLostException lost = readUntilLost(rig, WAIT);
        assertThat(lost).as("read after socat died").isNotNull();
        assertThat(lost).hasMessageContaining(pty.a().toString()).hasMessageContaining("went away");
        rig.close();

        CompletableFuture<ByteLink> reopened = CompletableFuture.supplyAsync(() -> {
            try {
                return LinkOpener.openWithin(rig(), Duration.ofSeconds(30));
            } catch (LinkUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        pty.restart();
        try (ByteLink again = reopened.get(40, TimeUnit.SECONDS); ByteLink board = board().open()) {
            board.write("back\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(readUpTo(again, 6, WAIT), StandardCharsets.US_ASCII)).isEqualTo("back\r\n");
        }
    }

    @Test
    void reopeningGivesUpAfterItsBoundedWait() {
        pty.kill();
        assertThatThrownBy(() -> LinkOpener.openWithin(rig(), Duration.ofMillis(300)))
                .isInstanceOf(LinkUnavailableException.class)
                .hasMessageContaining("no such device").hasMessageContaining("waited");
    }
}
