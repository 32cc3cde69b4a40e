package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.crypto.AuthType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * keystore.der as keygen writes it: slots back to back, each a little-endian 16-byte header
 * (slot_id, key_type, part_id_mask, pubkey_size) followed by pubkey_size bytes. No file header,
 * no padding between slots. A WOLFBOOT_UNIVERSAL_KEYSTORE build of keygen writes every slot as
 * the whole 2608-byte struct instead, zero after the key; {@link #parse} recognises that layout.
 */
public final class KeystoreDerFormat {
    private KeystoreDerFormat() {}

    public static final int SLOT_HEADER_SIZE = 16;
    /** Above every wolfBoot key (ML-DSA-87: 2592, universal slot: 2592); larger is not a keystore. */
    public static final int MAX_PUBKEY_SIZE = 4096;
    /** keygen's struct keystore_slot: 16 + KEYSTORE_PUBKEY_SIZE_ML_DSA (level 5, 2592). */
    public static final int UNIVERSAL_SLOT_SIZE = 2608;

    public static Keystore parse(String source, byte[] der) throws FormatException {
        if (isUniversal(der)) {
            return parseUniversal(source, der);
        }
        List<KeystoreSlot> slots = new ArrayList<>();
        int off = 0;
        while (off < der.length) {
            String f = "slot[" + slots.size() + "]";
            int left = der.length - off;
            if (left < SLOT_HEADER_SIZE) {
                throw new FormatException(source, f, left + " bytes left at offset " + off
                        + ", a slot header takes " + SLOT_HEADER_SIZE + " (trailing bytes or a truncated slot)");
            }
            long size = LittleEndian.u32(der, off + 12);
            if (size > MAX_PUBKEY_SIZE) {
                throw new FormatException(source, f + ".pubkey_size", size + " at offset " + (off + 12)
                        + " is not a key size (at most " + MAX_PUBKEY_SIZE + ")");
            }
            if (left - SLOT_HEADER_SIZE < size) {
                throw new FormatException(source, f + ".pubkey", "declares " + size + " bytes but only "
                        + (left - SLOT_HEADER_SIZE) + " remain at offset " + (off + SLOT_HEADER_SIZE) + " (truncated)");
            }
            int keyAt = off + SLOT_HEADER_SIZE;
            slots.add(new KeystoreSlot(LittleEndian.u32(der, off), LittleEndian.u32(der, off + 4),
                    LittleEndian.u32(der, off + 8), size, Arrays.copyOfRange(der, keyAt, keyAt + (int) size), null));
            off = keyAt + (int) size;
        }
        return new Keystore(slots, source);
    }

    /** Whole 2608-byte slots, each zero after its pubkey_size bytes. */
    private static boolean isUniversal(byte[] der) {
        if (der.length == 0 || der.length % UNIVERSAL_SLOT_SIZE != 0) {
            return false;
        }
        for (int off = 0; off < der.length; off += UNIVERSAL_SLOT_SIZE) {
            long size = LittleEndian.u32(der, off + 12);
            if (size > UNIVERSAL_SLOT_SIZE - SLOT_HEADER_SIZE) {
                return false;
            }
            for (int i = off + SLOT_HEADER_SIZE + (int) size; i < off + UNIVERSAL_SLOT_SIZE; i++) {
                if (der[i] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Keystore parseUniversal(String source, byte[] der) {
        List<KeystoreSlot> slots = new ArrayList<>();
        for (int off = 0; off < der.length; off += UNIVERSAL_SLOT_SIZE) {
            int size = (int) LittleEndian.u32(der, off + 12);
            int keyAt = off + SLOT_HEADER_SIZE;
            slots.add(new KeystoreSlot(LittleEndian.u32(der, off), LittleEndian.u32(der, off + 4),
                    LittleEndian.u32(der, off + 8), size, Arrays.copyOfRange(der, keyAt, keyAt + size), null));
        }
        return new Keystore(slots, source);
    }

    /**
     * The bytes keygen writes for these slots. A known algorithm's slot is its fixed
     * KEYSTORE_PUBKEY_SIZE long, the key zero-padded up to it (an RSA-2048 DER of 294 bytes becomes
     * pubkey_size 320); a slot that already declares more, or has an unknown type, keeps its own size.
     *
     * @throws IllegalArgumentException when a header field is not a u32 or a slot exceeds
     *     {@link #MAX_PUBKEY_SIZE}
     */
    public static byte[] emit(Keystore keystore) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (KeystoreSlot s : keystore.slots()) {
            long size = pubkeySize(s);
            if (size > MAX_PUBKEY_SIZE) {
                throw new IllegalArgumentException("slot " + s.slotId() + ": pubkey_size " + size + " exceeds "
                        + MAX_PUBKEY_SIZE);
            }
            out.writeBytes(LittleEndian.u32Bytes(u32(s.slotId(), "slot_id")));
            out.writeBytes(LittleEndian.u32Bytes(u32(s.keyType(), "key_type")));
            out.writeBytes(LittleEndian.u32Bytes(u32(s.partIdMask(), "part_id_mask")));
            out.writeBytes(LittleEndian.u32Bytes(size));
            out.writeBytes(Arrays.copyOf(s.pubkey(), (int) size));
        }
        return out.toByteArray();
    }

    /**
     * The bytes a WOLFBOOT_UNIVERSAL_KEYSTORE keygen writes: each slot as in {@link #emit}, then
     * zeros up to {@link #UNIVERSAL_SLOT_SIZE}.
     *
     * @throws IllegalArgumentException as {@link #emit}, or when a slot exceeds 2608 bytes
     */
    public static byte[] emitUniversal(Keystore keystore) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (KeystoreSlot s : keystore.slots()) {
            byte[] slot = emit(new Keystore(List.of(s), keystore.origin()));
            if (slot.length > UNIVERSAL_SLOT_SIZE) {
                throw new IllegalArgumentException("slot " + s.slotId() + ": " + slot.length + " bytes exceed "
                        + UNIVERSAL_SLOT_SIZE);
            }
            out.writeBytes(Arrays.copyOf(slot, UNIVERSAL_SLOT_SIZE));
        }
        return out.toByteArray();
    }

    /** pubkey_size as keystore.der carries it for this slot. */
    public static long pubkeySize(KeystoreSlot s) {
        return s.authType().map(AuthType::keystorePubkeySize)
                .map(fixed -> Math.max(fixed, s.pubkeySize()))
                .orElse(s.pubkeySize());
    }

    private static long u32(long v, String field) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(field + " " + v + " is not a u32");
        }
        return v;
    }
}
