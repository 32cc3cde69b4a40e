package io.bootrig.wolfboot.image;

import java.util.Map;

/** The manifest header tags wolfBoot defines (wolfboot.h HDR_*). */
public final class TlvTag {
    public static final int END = 0x0000;
    public static final int VERSION = 0x0001;
    public static final int TIMESTAMP = 0x0002;
    public static final int SHA256 = 0x0003;
    public static final int IMG_TYPE = 0x0004;
    public static final int DELTA_BASE = 0x0005;
    public static final int DELTA_SIZE = 0x0006;
    public static final int DELTA_BASE_HASH = 0x0007;
    public static final int PUBKEY = 0x0010;
    public static final int SECONDARY_CIPHER = 0x0011;
    public static final int SECONDARY_PUBKEY = 0x0012;
    public static final int SHA3_384 = 0x0013;
    public static final int SHA384 = 0x0014;
    public static final int DELTA_INVERSE = 0x0015;
    public static final int DELTA_INVERSE_SIZE = 0x0016;
    public static final int SIGNATURE = 0x0020;
    public static final int POLICY_SIGNATURE = 0x0021;
    public static final int SECONDARY_SIGNATURE = 0x0022;
    public static final int CERT_CHAIN = 0x0023;
    public static final int CMDLINE = 0x0034;
    public static final int DEVICE_TREE_DIGEST = 0x0035;
    /** The lowest tag a custom TLV may use. */
    public static final int CUSTOM_MIN = 0x0030;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(VERSION, "VERSION"), Map.entry(TIMESTAMP, "TIMESTAMP"), Map.entry(SHA256, "SHA256"),
            Map.entry(IMG_TYPE, "IMG_TYPE"), Map.entry(DELTA_BASE, "DELTA_BASE"), Map.entry(DELTA_SIZE, "DELTA_SIZE"),
            Map.entry(DELTA_BASE_HASH, "DELTA_BASE_HASH"), Map.entry(PUBKEY, "PUBKEY_HINT"),
            Map.entry(SECONDARY_CIPHER, "SECONDARY_CIPHER"), Map.entry(SECONDARY_PUBKEY, "SECONDARY_PUBKEY"),
            Map.entry(SHA3_384, "SHA3_384"), Map.entry(SHA384, "SHA384"), Map.entry(DELTA_INVERSE, "DELTA_INVERSE"),
            Map.entry(DELTA_INVERSE_SIZE, "DELTA_INVERSE_SIZE"), Map.entry(SIGNATURE, "SIGNATURE"),
            Map.entry(POLICY_SIGNATURE, "POLICY_SIGNATURE"), Map.entry(SECONDARY_SIGNATURE, "SECONDARY_SIGNATURE"),
            Map.entry(CERT_CHAIN, "CERT_CHAIN"), Map.entry(CMDLINE, "CMDLINE"),
            Map.entry(DEVICE_TREE_DIGEST, "DEVICE_TREE_DIGEST"));

    private TlvTag() {}

    /** The wolfBoot name, "CUSTOM" for a tag in the custom range, or "UNKNOWN". */
    public static String name(int tag) {
        String n = NAMES.get(tag);
        if (n != null) {
            return n;
        }
        return tag >= CUSTOM_MIN ? "CUSTOM" : "UNKNOWN";
    }

    /** Custom tags wolfBoot's sign accepts: at least 0x0030 and neither byte 0xFF. */
    public static boolean isValidCustom(int tag) {
        return tag >= CUSTOM_MIN && tag <= 0xFFFF && (tag & 0xFF) != 0xFF && (tag >> 8) != 0xFF
                && !NAMES.containsKey(tag);
    }
}
