package io.bootrig.wolfboot.otp;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The STM32H5 OTP image wolfBoot's otp-keystore-gen writes (otp.bin) and the primer programs:
 * 2048 bytes of 0xFF with the header at 0, slots packed from 16, and the UDS at 0x7C0.
 *
 * <p>Slot stride is 16 + slot 0's pubkey_size, as otp-keystore-gen lays it out from keystore.c
 * and as wolfBoot reads it for LMS, ECC and Ed25519 keystores. (For RSA the two disagree: keystore.c
 * says 294, wolfBoot's slot is 320; see KeystoreLinter.)
 *
 * <p>A keystore that cannot be laid out is the caller's mistake, not bad input bytes, so
 * {@code build} throws {@link IllegalArgumentException}; {@code parse} throws
 * {@link FormatException} for images that are not a wolfBoot OTP keystore.
 *
 * @param header     the header after the magic
 * @param slotStride bytes from one slot to the next
 * @param keystore   the slots, each with its own pubkey_size and that many key bytes
 * @param uds        the 32 bytes at 0x7C0
 */
public record OtpImage(OtpHeader header, int slotStride, Keystore keystore, byte[] uds) {

    public OtpImage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(keystore, "keystore");
        uds = uds.clone();
    }

    @Override
    public byte[] uds() {
        return uds.clone();
    }

    /** otp.bin for this keystore, version 0x02090000, a random UDS. */
    public static byte[] build(Keystore keystore) {
        return build(keystore, OtpLayout.DEFAULT_VERSION, new SecureRandom());
    }

    /** otp.bin with a UDS drawn from {@code random}, as otp-keystore-gen reads /dev/urandom. */
    public static byte[] build(Keystore keystore, long version, SecureRandom random) {
        byte[] uds = new byte[OtpLayout.UDS_LENGTH];
        random.nextBytes(uds);
        return build(keystore, version, uds);
    }

    /**
     * otp.bin with a given UDS (e.g. 32 zero bytes for reproducible images).
     *
     * @throws IllegalArgumentException no slots, slots overflowing into the UDS at 0x7C0, a slot
     *     whose key is longer than slot 0's (otp-keystore-gen would cut it), a UDS that is not 32
     *     bytes, or a field out of range
     */
    public static byte[] build(Keystore keystore, long version, byte[] uds) {
        if (uds.length != OtpLayout.UDS_LENGTH) {
            throw new IllegalArgumentException("the UDS is " + OtpLayout.UDS_LENGTH + " bytes, got " + uds.length);
        }
        List<KeystoreSlot> slots = keystore.slots();
        int n = slots.size();
        if (n < 1) {
            throw new IllegalArgumentException("an OTP keystore needs at least one key");
        }
        long keyBytes = slots.get(0).pubkeySize();
        if (keyBytes < 0 || keyBytes > OtpLayout.KEYSTORE_AREA - OtpLayout.SLOT_HEADER_SIZE) {
            throw new IllegalArgumentException("slot 0's pubkey_size " + keyBytes + " does not fit the OTP");
        }
        int stride = OtpLayout.SLOT_HEADER_SIZE + (int) keyBytes;
        if ((long) n * stride > OtpLayout.KEYSTORE_AREA) {
            throw new IllegalArgumentException(n + " keys of " + stride + " bytes need " + (long) n * stride
                    + " bytes; the OTP holds " + OtpLayout.KEYSTORE_AREA + " below the UDS at 0x7C0 (at most "
                    + OtpLayout.maxKeys(stride) + " keys)");
        }
        byte[] image = new byte[OtpLayout.SIZE];
        Arrays.fill(image, (byte) 0xFF);
        System.arraycopy(OtpLayout.magic(), 0, image, 0, 8);
        LittleEndian.putU16(image, 8, n);
        LittleEndian.putU16(image, 10, 0);
        LittleEndian.putU32(image, 12, u32(version, "version"));
        for (int i = 0; i < n; i++) {
            KeystoreSlot s = slots.get(i);
            if (s.pubkeySize() < 0 || s.pubkeySize() > keyBytes) {
                throw new IllegalArgumentException("slot " + i + ": its pubkey_size " + s.pubkeySize()
                        + " exceeds slot 0's " + keyBytes + ", which sets the OTP slot stride");
            }
            int off = OtpLayout.HEADER_SIZE + i * stride;
            LittleEndian.putU32(image, off, u32(s.slotId(), "slot_id"));
            LittleEndian.putU32(image, off + 4, u32(s.keyType(), "key_type"));
            LittleEndian.putU32(image, off + 8, u32(s.partIdMask(), "part_id_mask"));
            LittleEndian.putU32(image, off + 12, s.pubkeySize());
            // the C struct behind keystore.c holds zeros after the key
            byte[] key = Arrays.copyOf(s.pubkey(), (int) Math.min(s.pubkeySize(), s.pubkey().length));
            System.arraycopy(Arrays.copyOf(key, (int) keyBytes), 0, image, off + OtpLayout.SLOT_HEADER_SIZE, (int) keyBytes);
        }
        System.arraycopy(uds, 0, image, OtpLayout.UDS_OFFSET, OtpLayout.UDS_LENGTH);
        return image;
    }

    /** Reads an OTP image as wolfBoot's flash_otp_keystore.c does, checking what it checks and more. */
    public static OtpImage parse(String source, byte[] image) throws FormatException {
        if (image.length != OtpLayout.SIZE) {
            throw new FormatException(source, "size", "an STM32H5 OTP image is " + OtpLayout.SIZE + " bytes, got "
                    + image.length);
        }
        if (!OtpLayout.startsWithMagic(image)) {
            throw new FormatException(source, "header.magic", "expected \"WOLFBOOT\", found "
                    + HexFormat.of().formatHex(image, 0, 8));
        }
        int count = LittleEndian.u16(image, 8);
        OtpHeader header = new OtpHeader(count, LittleEndian.u16(image, 10), LittleEndian.u32(image, 12));
        if (count == 0) {
            throw new FormatException(source, "header.item_count", "0 keys: wolfBoot would accept no image");
        }
        int first = OtpLayout.HEADER_SIZE;
        long keyBytes = LittleEndian.u32(image, first + 12);
        if (keyBytes > OtpLayout.KEYSTORE_AREA - OtpLayout.SLOT_HEADER_SIZE) {
            throw new FormatException(source, "slot[0].pubkey_size", keyBytes + " at offset " + (first + 12)
                    + " does not fit the OTP keystore area of " + OtpLayout.KEYSTORE_AREA + " bytes");
        }
        int stride = OtpLayout.SLOT_HEADER_SIZE + (int) keyBytes;
        if (count > OtpLayout.maxKeys(stride)) {
            throw new FormatException(source, "header.item_count", count + " slots of " + stride
                    + " bytes (16 + slot 0's pubkey_size) overflow into the UDS at 0x7C0; at most "
                    + OtpLayout.maxKeys(stride) + " fit");
        }
        List<KeystoreSlot> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int off = OtpLayout.HEADER_SIZE + i * stride;
            long size = LittleEndian.u32(image, off + 12);
            if (size > keyBytes) {
                throw new FormatException(source, "slot[" + i + "].pubkey_size", size + " at offset " + (off + 12)
                        + " exceeds the " + keyBytes + " key bytes a slot holds (wolfBoot rejects the key)");
            }
            int keyAt = off + OtpLayout.SLOT_HEADER_SIZE;
            slots.add(new KeystoreSlot(LittleEndian.u32(image, off), LittleEndian.u32(image, off + 4),
                    LittleEndian.u32(image, off + 8), size, Arrays.copyOfRange(image, keyAt, keyAt + (int) size), null));
        }
        byte[] uds = Arrays.copyOfRange(image, OtpLayout.UDS_OFFSET, OtpLayout.UDS_OFFSET + OtpLayout.UDS_LENGTH);
        return new OtpImage(header, stride, new Keystore(slots, source), uds);
    }

    private static long u32(long v, String field) {
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(field + " " + v + " is not a u32");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OtpImage i && i.header.equals(header) && i.slotStride == slotStride
                && i.keystore.equals(keystore) && Arrays.equals(i.uds, uds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, slotStride, keystore) * 31 + Arrays.hashCode(uds);
    }

    /** Never prints the UDS, a device secret. */
    @Override
    public String toString() {
        return "OtpImage[" + header + ", stride=" + slotStride + ", " + keystore.size() + " keys]";
    }
}
