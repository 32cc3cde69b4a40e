package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.AuthType;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One wolfBoot keystore slot: {@code struct keystore_slot} (keystore.h).
 *
 * @param slotId     slot_id (u32)
 * @param keyType    key_type, an AUTH_KEY_* code (u32, kept raw so unknown values survive)
 * @param partIdMask part_id_mask (u32; bit n allows partition id n)
 * @param pubkeySize pubkey_size as declared (keystore.c: the key's real length; keystore.der: the
 *                   algorithm's fixed KEYSTORE_PUBKEY_SIZE, e.g. 320 for an RSA-2048 DER of 294)
 * @param pubkey     the pubkey bytes as stored in the slot
 * @param source     the key file named in keystore.c's comment, or null
 */
public record KeystoreSlot(long slotId, long keyType, long partIdMask, long pubkeySize, byte[] pubkey, String source) {

    public static final long KEY_VERIFY_ALL = 0xFFFFFFFFL;

    public KeystoreSlot {
        pubkey = pubkey.clone();
    }

    @Override
    public byte[] pubkey() {
        return pubkey.clone();
    }

    public Optional<AuthType> authType() {
        return AuthType.byCode(keyType);
    }

    /**
     * The key bytes the device hashes for the pubkey hint and imports: the first pubkey_size
     * bytes, except that an RSA key is its DER SubjectPublicKeyInfo whatever the slot declares.
     */
    public byte[] keyMaterial() {
        int n = (int) Math.min(pubkeySize, pubkey.length);
        if (authType().map(AuthType::isRsa).orElse(false)) {
            int der = derLength(pubkey);
            if (der > 0 && der <= pubkey.length) {
                n = der;
            }
        }
        return Arrays.copyOf(pubkey, n);
    }

    /** wolfBoot's permission rule: {@code ((1 << id) & mask) == (1 << id)}. */
    public boolean allowsPartition(int partitionId) {
        if (partitionId < 0 || partitionId > 31) {
            return false;
        }
        long bit = 1L << partitionId;
        return (partIdMask & bit) == bit;
    }

    public String maskHex() {
        return String.format("0x%08X", partIdMask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeystoreSlot s && s.slotId == slotId && s.keyType == keyType
                && s.partIdMask == partIdMask && s.pubkeySize == pubkeySize
                && Arrays.equals(s.pubkey, pubkey) && java.util.Objects.equals(s.source, source);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(slotId) * 31 + Arrays.hashCode(pubkey);
    }

    @Override
    public String toString() {
        return "KeystoreSlot[id=" + slotId + ", type=" + keyType + ", mask=" + maskHex() + ", size=" + pubkeySize
                + ", pubkey=" + HexFormat.of().formatHex(pubkey) + "]";
    }

    /** Length of a DER SEQUENCE with a definite length, or -1. */
    static int derLength(byte[] b) {
        if (b.length < 2 || (b[0] & 0xFF) != 0x30) {
            return -1;
        }
        int first = b[1] & 0xFF;
        if (first < 0x80) {
            return 2 + first;
        }
        int octets = first & 0x7F;
        if (octets == 0 || octets > 3 || b.length < 2 + octets) {
            return -1;
        }
        int len = 0;
        for (int i = 0; i < octets; i++) {
            len = len << 8 | (b[2 + i] & 0xFF);
        }
        return 2 + octets + len;
    }
}
