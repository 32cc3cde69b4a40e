package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualFirmwareTest {
    private static final Map<String, String> PARAMETERS = new LinkedHashMap<>(Map.of("SIGN", "LMS"));

    @Test
    void theImageStartsWithAVectorTableWhoseResetVectorLeadsToTheDescriptor() {
        byte[] image = new VirtualFirmware(FirmwareKind.WOLFBOOT, 0x0C00_0000L, 0x3002_0000L, PARAMETERS).encode();
        ByteBuffer words = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(words.getInt(0)).isEqualTo(0x3002_0000);
        assertThat(words.getInt(4)).isEqualTo(0x0C00_0041);
        int defaultHandler = words.getInt(8);
        assertThat(defaultHandler & 1).as("Thumb bit").isEqualTo(1);
        assertThat(words.getShort((defaultHandler & ~1) - 0x0C00_0000)).as("b .").isEqualTo((short) 0xE7FE);
        assertThat(words.getInt(4 * 8)).as("reserved vector").isZero();
        assertThat(image.length % 4).isZero();
        assertThat(Arrays.copyOfRange(image, 0x40, 0x40 + 12)).isEqualTo(FirmwareDescriptor.MAGIC);
    }

    @Test
    void theDescriptorReadsBackItsKindAndParameters() {
        byte[] image = new VirtualFirmware(FirmwareKind.TEST_APP, 0x0806_2000L, 0x200A_0000L, PARAMETERS).encode();
        byte[] header = Arrays.copyOfRange(image, 0x40, 0x40 + FirmwareDescriptor.HEADER_SIZE);

        FirmwareDescriptor.Header parsed = FirmwareDescriptor.header(header).orElseThrow();
        byte[] text = Arrays.copyOfRange(image, 0x40 + 24, 0x40 + 24 + parsed.parametersLength());

        assertThat(parsed.kind()).isEqualTo(FirmwareKind.TEST_APP);
        assertThat(FirmwareDescriptor.parameters(parsed, text)).contains(PARAMETERS);
    }

    @Test
    void anythingElseIsNotADescriptor() {
        byte[] image = new VirtualFirmware(FirmwareKind.OTP_PRIMER, 0x0C00_0000L, 0x3002_0000L, PARAMETERS).encode();
        byte[] header = Arrays.copyOfRange(image, 0x40, 0x40 + 24);
        FirmwareDescriptor.Header parsed = FirmwareDescriptor.header(header).orElseThrow();
        byte[] text = Arrays.copyOfRange(image, 0x40 + 24, 0x40 + 24 + parsed.parametersLength());
        text[0] ^= 1;

        assertThat(FirmwareDescriptor.parameters(parsed, text)).as("CRC mismatch").isEmpty();
        assertThat(FirmwareDescriptor.header(new byte[24])).as("no magic").isEmpty();
        byte[] erased = new byte[24];
        Arrays.fill(erased, (byte) 0xFF);
        assertThat(FirmwareDescriptor.header(erased)).as("erased flash").isEmpty();
        byte[] unknownKind = header.clone();
        unknownKind[14] = 9;
        assertThat(FirmwareDescriptor.header(unknownKind)).isEmpty();
    }

    @Test
    void anImageDecodesBackToTheFirmwareItEncodes() {
        VirtualFirmware firmware = new VirtualFirmware(FirmwareKind.TEST_APP, 0x0806_2000L, 0x200A_0000L, PARAMETERS);

        assertThat(VirtualFirmware.decode(firmware.encode())).contains(firmware);
    }

    @Test
    void bytesThatAreNotExactlyAnEncodedImageDoNotDecode() {
        byte[] image = new VirtualFirmware(FirmwareKind.WOLFBOOT, 0x0C00_0000L, 0x3002_0000L, PARAMETERS).encode();
        byte[] longer = Arrays.copyOf(image, image.length + 4);
        byte[] otherHandler = image.clone();
        otherHandler[8] += 2;
        byte[] erased = new byte[image.length];
        Arrays.fill(erased, (byte) 0xFF);

        assertThat(VirtualFirmware.decode(longer)).as("trailing bytes").isEmpty();
        assertThat(VirtualFirmware.decode(otherHandler)).as("a vector the encoder would not write").isEmpty();
        assertThat(VirtualFirmware.decode(erased)).as("erased flash").isEmpty();
        assertThat(VirtualFirmware.decode(Arrays.copyOf(image, 0x50))).as("truncated").isEmpty();
    }

    @Test
    void parameterNamesAndValuesMustFitTheLineFormat() {
        assertThatThrownBy(() -> FirmwareDescriptor.encode(FirmwareKind.WOLFBOOT, Map.of("A B", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FirmwareDescriptor.encode(FirmwareKind.WOLFBOOT, Map.of("A", "1\n2")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
