package io.bootrig.board.firmware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The descriptor a virtual firmware image carries where its reset vector points (see
 * {@link VirtualFirmware} for the whole image):
 *
 * <pre>
 * offset  size  field
 * 0       12    magic "BOOTRIG-VFW\0"
 * 12      2     format version, 1 (LE)
 * 14      2     kind: 1 otp-primer, 2 wolfboot, 3 test-app (LE)
 * 16      4     N = length of the parameter text (LE)
 * 20      4     CRC-32 (IEEE) of the parameter text (LE)
 * 24      N     parameters: UTF-8 lines "KEY=VALUE\n" in a defined order
 * </pre>
 */
public final class FirmwareDescriptor {
    public static final byte[] MAGIC = "BOOTRIG-VFW\0".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT_VERSION = 1;
    public static final int HEADER_SIZE = 24;
    /** Larger parameter texts are not descriptors (garbage that happens to start with the magic). */
    public static final int MAX_PARAMETERS = 64 * 1024;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.]+");

    /** The fixed part of a descriptor: what it describes and how long its parameters are. */
    public record Header(FirmwareKind kind, int parametersLength, long parametersCrc) {
    }

    private FirmwareDescriptor() {
    }

    /** The header, if these 24 bytes are one. */
    public static Optional<Header> header(byte[] bytes) {
        if (bytes.length < HEADER_SIZE || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int version = Short.toUnsignedInt(buffer.getShort(12));
        Optional<FirmwareKind> kind = FirmwareKind.byCode(Short.toUnsignedInt(buffer.getShort(14)));
        long length = Integer.toUnsignedLong(buffer.getInt(16));
        if (version != FORMAT_VERSION || kind.isEmpty() || length > MAX_PARAMETERS) {
            return Optional.empty();
        }
        return Optional.of(new Header(kind.get(), (int) length, Integer.toUnsignedLong(buffer.getInt(20))));
    }

    /** The parameters, if their CRC matches the header's. */
    public static Optional<Map<String, String>> parameters(Header header, byte[] text) {
        if (text.length != header.parametersLength() || crc(text) != header.parametersCrc()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String line : new String(text, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0 || !KEY.matcher(line.substring(0, equals)).matches()) {
                return Optional.empty();
            }
            parameters.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /** Header and parameter text for these parameters. */
    public static byte[] encode(FirmwareKind kind, Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("parameter name '" + key + "' (letters, digits, '_' and '.')");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("parameter " + key + " has a line break in its value");
            }
            text.append(key).append('=').append(value).append('\n');
        });
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (body.length > MAX_PARAMETERS) {
            throw new IllegalArgumentException("parameters of " + body.length + " bytes (at most " + MAX_PARAMETERS + ")");
        }
        ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) FORMAT_VERSION).putShort((short) kind.code()).putInt(body.length)
                .putInt((int) crc(body)).put(body);
        return out.array();
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
