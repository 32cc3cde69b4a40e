package io.bootrig.rig.xmodem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial link on a socat pty pair. */
class SerialPortLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        ExternalTools.requireSocatAndLrzsz();
    }

    @Test
    void bytesGoBothWaysAndAQuietReadReturnsZero() throws Exception {
        try (Socat pair = Socat.pair(dir);
                SerialPortLink a = SerialPortLink.open(pair.pty().toString(), 115200);
                SerialPortLink b = SerialPortLink.open(pair.otherPty().toString(), 115200)) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            a.write(all);
            byte[] got = new byte[256];
            int n = 0;
            while (n < got.length) {
                n += b.read(got, n, got.length - n, Duration.ofSeconds(5));
            }
            assertThat(got).isEqualTo(all);
            assertThat(b.read(got, 0, 1, Duration.ZERO)).isZero();
            assertThat(b.read(got, 0, 1, Duration.ofMillis(20))).isZero();
            assertThat(a.describe()).isEqualTo(pair.pty() + " 115200 8N1");
        }
    }

    @Test
    void theLastByteWrittenBeforeCloseIsNotDiscarded() throws Exception {
        try (Socat pair = Socat.pair(dir); SerialPortLink b = SerialPortLink.open(pair.otherPty().toString(), 115200)) {
            byte[] one = new byte[1];
            for (int i = 0; i < 20; i++) {
                SerialPortLink a = SerialPortLink.open(pair.pty().toString(), 115200);
                a.write(new byte[] {(byte) i});
                a.close();
                assertThat(b.read(one, 0, 1, Duration.ofSeconds(2))).as("round %d", i).isEqualTo(1);
                assertThat(one[0]).isEqualTo((byte) i);
            }
        }
    }

    @Test
    void aVanishedPeerIsALostLink() throws Exception {
        Socat pair = Socat.pair(dir);
        try (SerialPortLink a = SerialPortLink.open(pair.pty().toString(), 115200)) {
            pair.close();
            assertThatThrownBy(() -> {
                byte[] buf = new byte[1];
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < deadline) {
                    a.read(buf, 0, 1, Duration.ofMillis(100));
                }
            }).isInstanceOf(LinkLostException.class).hasMessageContaining("went away");
        }
    }

    @Test
    void aMissingDeviceCannotBeOpened() {
        assertThatThrownBy(() -> SerialPortLink.open(dir.resolve("ttyNone").toString(), 115200))
                .isInstanceOf(IOException.class).hasMessageEndingWith("ttyNone: no such serial device");
    }
}
