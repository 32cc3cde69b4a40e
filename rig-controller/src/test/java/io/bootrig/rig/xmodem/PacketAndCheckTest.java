package io.bootrig.rig.xmodem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PacketAndCheckTest {
    private static final byte[] DIGITS = "123456789".getBytes(StandardCharsets.US_ASCII);

    @Test
    void crc16IsTheXmodemVariant() {
        assertThat(Crc16.of(DIGITS, 0, DIGITS.length)).isEqualTo(0x31C3);
        assertThat(Crc16.of(new byte[0], 0, 0)).isZero();
    }

    @Test
    void checksumIsTheByteSumModulo256() {
        assertThat(Checksum.of(DIGITS, 0, DIGITS.length)).isEqualTo(477 & 0xFF);
        byte[] ff = new byte[128];
        Arrays.fill(ff, (byte) 0xFF);
        assertThat(Checksum.of(ff, 0, ff.length)).isEqualTo((128 * 255) & 0xFF);
    }

    @Test
    void aChecksumPacketIsTheTestApplicationsLayout() {
        byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] wire = XmodemPacket.of(2, data, 128, 72, BlockSize.B128, ErrorCheck.CHECKSUM).encode();
        assertThat(wire).hasSize(132);
        assertThat(wire[0]).isEqualTo((byte) 0x01);
        assertThat(wire[1]).isEqualTo((byte) 2);
        assertThat(wire[2]).isEqualTo((byte) 0xFD);
        assertThat(Arrays.copyOfRange(wire, 3, 75)).isEqualTo(Arrays.copyOfRange(data, 128, 200));
        assertThat(Arrays.copyOfRange(wire, 75, 131)).containsOnly(0x1A);
        // f.5: the check byte is the sum of bytes 0..130, which equals the sum of the data
        assertThat(wire[131] & 0xFF).isEqualTo(Checksum.of(wire, 0, 131)).isEqualTo(Checksum.of(wire, 3, 128));
    }

    @Test
    void aOneKCrcPacketCarriesTheCrcBigEndian() {
        byte[] data = new byte[1024];
        Arrays.fill(data, (byte) 0x5A);
        byte[] wire = XmodemPacket.of(256, data, 0, 1024, BlockSize.B1K, ErrorCheck.CRC16).encode();
        assertThat(wire).hasSize(1029);
        assertThat(wire[0]).isEqualTo((byte) 0x02);
        assertThat(wire[1]).isEqualTo((byte) 0);
        assertThat(wire[2]).isEqualTo((byte) 0xFF);
        int crc = Crc16.of(data, 0, 1024);
        assertThat(wire[1027] & 0xFF).isEqualTo(crc >>> 8);
        assertThat(wire[1028] & 0xFF).isEqualTo(crc & 0xFF);
    }

    @Test
    void decodeAcceptsAGoodPacketAndRefusesDamagedOnes() {
        byte[] data = "firmware".getBytes(StandardCharsets.US_ASCII);
        for (ErrorCheck check : ErrorCheck.values()) {
            byte[] wire = XmodemPacket.of(7, data, 0, data.length, BlockSize.B128, check).encode();
            XmodemPacket p = XmodemPacket.decode(wire, check).orElseThrow();
            assertThat(p.number()).isEqualTo(7);
            assertThat(p.size()).isEqualTo(BlockSize.B128);
            assertThat(Arrays.copyOf(p.data(), data.length)).isEqualTo(data);

            byte[] badData = wire.clone();
            badData[10] ^= 0x01;
            assertThat(XmodemPacket.decode(badData, check)).as(check + " data").isEmpty();
            byte[] badNumber = wire.clone();
            badNumber[2] ^= 0x10;
            assertThat(XmodemPacket.decode(badNumber, check)).as(check + " number").isEmpty();
        }
    }

    @Test
    void aBlockCannotCarryMoreThanItsSizeOrNothing() {
        assertThatThrownBy(() -> XmodemPacket.of(1, new byte[200], 0, 129, BlockSize.B128, ErrorCheck.CRC16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmodemPacket.of(1, new byte[200], 0, 0, BlockSize.B128, ErrorCheck.CRC16))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
