package io.bootrig.board.firmware;

import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The keystore as wolfBoot reads it from OTP (src/flash_otp_keystore.c): the 16-byte header must
 * start "WOLFBOOT" with item_count at most KEYSTORE_MAX_PUBKEYS, else there are no keys; slot i is
 * at 16 + i × (16 + KEYSTORE_PUBKEY_SIZE), the compile-time size; a slot whose pubkey_size exceeds
 * it has no usable key.
 *
 * @param keystorePubkeySize KEYSTORE_PUBKEY_SIZE of the build
 * @param slots              what keystore_num_pubkeys() and the keystore_get_* calls report
 */
record OtpKeystore(int keystorePubkeySize, List<Slot> slots) {

    /** One slot as read: pubkey holds KEYSTORE_PUBKEY_SIZE bytes. */
    record Slot(long slotId, long keyType, long partIdMask, long pubkeySize, byte[] pubkey) {
        boolean usable(int keystorePubkeySize) {
            return pubkeySize <= keystorePubkeySize;
        }

        /** keystore_get_buffer(i) for keystore_get_size(i) bytes. */
        byte[] key() {
            return Arrays.copyOf(pubkey, (int) Math.min(pubkeySize, pubkey.length));
        }
    }

    OtpKeystore {
        slots = List.copyOf(slots);
    }

    static OtpKeystore read(Stm32h5Hal hal, int keystorePubkeySize) {
        int slotSize = OtpLayout.SLOT_HEADER_SIZE + keystorePubkeySize;
        byte[] header = hal.otpRead(0, OtpLayout.HEADER_SIZE);
        int count = LittleEndian.u16(header, 8);
        List<Slot> slots = new ArrayList<>();
        if (!OtpLayout.startsWithMagic(header) || count > OtpLayout.maxKeys(slotSize)) {
            return new OtpKeystore(keystorePubkeySize, slots);
        }
        for (int i = 0; i < count; i++) {
            byte[] raw = hal.otpRead(OtpLayout.HEADER_SIZE + i * slotSize, slotSize);
            slots.add(new Slot(LittleEndian.u32(raw, 0), LittleEndian.u32(raw, 4), LittleEndian.u32(raw, 8),
                    LittleEndian.u32(raw, 12), Arrays.copyOfRange(raw, OtpLayout.SLOT_HEADER_SIZE, slotSize)));
        }
        return new OtpKeystore(keystorePubkeySize, slots);
    }

    /** The keys wolfBoot can verify with. */
    Keystore keystore() {
        List<KeystoreSlot> usable = new ArrayList<>();
        for (Slot slot : slots) {
            if (slot.usable(keystorePubkeySize)) {
                usable.add(new KeystoreSlot(slot.slotId(), slot.keyType(), slot.partIdMask(), slot.pubkeySize(), slot.key(),
                        null));
            }
        }
        return new Keystore(usable, "OTP keystore");
    }
}
