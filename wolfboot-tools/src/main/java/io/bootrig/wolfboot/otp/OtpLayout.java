package io.bootrig.wolfboot.otp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Where wolfBoot keeps things in the 2 KB STM32H5 OTP area (otp_keystore.h, hal/stm32h5.h). */
public final class OtpLayout {
    private OtpLayout() {}

    /** OTP_SIZE for TARGET_stm32h5. */
    public static final int SIZE = 2048;
    /** struct wolfBoot_otp_hdr: magic[8], u16 item_count, u16 flags, u32 version. */
    public static final int HEADER_SIZE = 16;
    public static final int SLOT_HEADER_SIZE = 16;
    /** OTP_UDS_OFFSET: the upper 64 bytes are reserved for the DICE Unique Device Secret. */
    public static final int UDS_OFFSET = 0x7C0;
    public static final int UDS_LENGTH = 32;
    /** Bytes for slots, from the end of the header up to the UDS. */
    public static final int KEYSTORE_AREA = UDS_OFFSET - HEADER_SIZE;
    /** WOLFBOOT_VERSION as otp-keystore-gen writes it: the wolfBoot library version 2.9.0. */
    public static final long DEFAULT_VERSION = 0x02090000L;

    private static final byte[] MAGIC = "WOLFBOOT".getBytes(StandardCharsets.US_ASCII);

    public static byte[] magic() {
        return MAGIC.clone();
    }

    public static boolean startsWithMagic(byte[] image) {
        return image.length >= MAGIC.length && Arrays.equals(image, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /** KEYSTORE_MAX_PUBKEYS for a slot stride. */
    public static int maxKeys(int slotStride) {
        return KEYSTORE_AREA / slotStride;
    }
}
