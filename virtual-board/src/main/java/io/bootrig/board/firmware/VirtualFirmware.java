package io.bootrig.board.firmware;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A virtual firmware image: what the virtual board runs instead of ARM code. The core executes no
 * instructions, so the board recognises flashed firmware by its content and runs a Java model of
 * it. On a real board the same rig flashes real binaries at the same addresses; nothing in the rig
 * looks inside these files.
 *
 * <pre>
 * offset  size   field
 * 0x000   4      initial MSP (LE), the top of the RAM the real build uses
 * 0x004   4      reset vector: link address + 0x040, Thumb bit set
 * 0x008   4×14   NMI … SysTick: the "b ." loop after the descriptor, Thumb bit set; reserved entries 0
 * 0x040   24+N   the {@link FirmwareDescriptor} (the reset handler)
 * …       2      "b ." (FE E7), 2-byte aligned: the default exception handler
 * …              0x00 up to a multiple of 4
 * </pre>
 *
 * The boot ROM reads the vector table at the boot address, follows the reset vector and finds the
 * descriptor there; wolfBoot does the same at BOOT + IMAGE_HEADER_SIZE. An image linked for another
 * address than the one it is flashed at therefore points elsewhere and is not recognised, as real
 * code would crash.
 *
 * @param kind                what it models
 * @param linkAddress         where it must be flashed (the alias it runs from)
 * @param initialStackPointer vector table word 0
 * @param parameters          how it was built (see {@link FirmwareBuilds})
 */
public record VirtualFirmware(FirmwareKind kind, long linkAddress, long initialStackPointer, Map<String, String> parameters) {
    public static final int DESCRIPTOR_OFFSET = 0x40;
    static final int VECTORS = 16;
    private static final int THUMB = 1;
    private static final short BRANCH_TO_SELF = (short) 0xE7FE;
    /** Vector table entries 7..10 and 13 are reserved on ARMv8-M Mainline (7 is SecureFault, kept). */
    private static final int[] RESERVED_VECTORS = {8, 9, 10, 13};

    public VirtualFirmware {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The image bytes to flash at {@link #linkAddress()}. */
    public byte[] encode() {
        byte[] descriptor = FirmwareDescriptor.encode(kind, parameters);
        int loop = align(DESCRIPTOR_OFFSET + descriptor.length, 2);
        int size = align(loop + 2, 4);
        ByteBuffer image = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        image.putInt(0, (int) initialStackPointer);
        image.putInt(4, (int) (linkAddress + DESCRIPTOR_OFFSET + THUMB));
        for (int vector = 2; vector < VECTORS; vector++) {
            if (!isReserved(vector)) {
                image.putInt(4 * vector, (int) (linkAddress + loop + THUMB));
            }
        }
        image.put(DESCRIPTOR_OFFSET, descriptor);
        image.putShort(loop, BRANCH_TO_SELF);
        return image.array();
    }

    /**
     * The firmware these bytes are, read as the boot ROM would from the vector table at their start;
     * empty unless they are exactly what {@link #encode()} makes for it.
     */
    public static Optional<VirtualFirmware> decode(byte[] image) {
        if (image.length < DESCRIPTOR_OFFSET + FirmwareDescriptor.HEADER_SIZE) {
            return Optional.empty();
        }
        ByteBuffer words = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        long stackPointer = Integer.toUnsignedLong(words.getInt(0));
        long linkAddress = (Integer.toUnsignedLong(words.getInt(4)) & ~(long) THUMB) - DESCRIPTOR_OFFSET;
        int textAt = DESCRIPTOR_OFFSET + FirmwareDescriptor.HEADER_SIZE;
        Optional<FirmwareDescriptor.Header> header =
                FirmwareDescriptor.header(Arrays.copyOfRange(image, DESCRIPTOR_OFFSET, textAt));
        if (linkAddress < 0 || header.isEmpty() || image.length < textAt + header.get().parametersLength()) {
            return Optional.empty();
        }
        byte[] text = Arrays.copyOfRange(image, textAt, textAt + header.get().parametersLength());
        return FirmwareDescriptor.parameters(header.get(), text)
                .map(parameters -> new VirtualFirmware(header.get().kind(), linkAddress, stackPointer, parameters))
                .filter(firmware -> Arrays.equals(firmware.encode(), image));
    }

    private static boolean isReserved(int vector) {
        for (int reserved : RESERVED_VECTORS) {
            if (reserved == vector) {
                return true;
            }
        }
        return false;
    }

    private static int align(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
