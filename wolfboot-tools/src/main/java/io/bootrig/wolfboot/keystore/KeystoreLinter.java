package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.PublicKeyCodec;
import io.bootrig.wolfboot.keystore.LintFinding.Severity;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a keystore for what would make wolfBoot reject images it should accept, or accept what it
 * should not: slot numbering, one algorithm, pubkey_size, key validity, duplicates, masks that
 * verify nothing, and — for the STM32H5 OTP — whether the slots fit and are read where they are
 * written.
 */
public final class KeystoreLinter {
    private static final List<Integer> ML_DSA_SIZES = List.of(1312, 1952, 2592);

    private final boolean universal;
    private final boolean forOtp;

    /**
     * @param universal a WOLFBOOT_UNIVERSAL_KEYSTORE build, where slots may mix algorithms
     * @param forOtp    the keystore is meant for the STM32H5 OTP (always checked for OTP images)
     */
    public KeystoreLinter(boolean universal, boolean forOtp) {
        this.universal = universal;
        this.forOtp = forOtp;
    }

    /** One algorithm, flash keystore. */
    public static KeystoreLinter standard() {
        return new KeystoreLinter(false, false);
    }

    /** Findings in slot order, keystore-wide ones last; empty when there is nothing to report. */
    public List<LintFinding> lint(Keystore keystore, KeystoreFormat format) {
        List<LintFinding> out = new ArrayList<>();
        List<KeystoreSlot> slots = keystore.slots();
        if (slots.isEmpty()) {
            out.add(error(-1, "slots", "no keys: wolfBoot would accept no image"));
            return out;
        }
        Optional<AuthType> first = slots.get(0).authType();
        for (int i = 0; i < slots.size(); i++) {
            lintSlot(keystore, i, first, format, out);
        }
        if (slots.stream().noneMatch(s -> s.allowsPartition(1))) {
            out.add(warning(-1, "part_id_mask", "no key allows partition 1 (application): no application image"
                    + " can be verified"));
        }
        if (forOtp || format == KeystoreFormat.OTP) {
            lintOtp(slots, format, out);
        }
        return out;
    }

    private void lintSlot(Keystore keystore, int i, Optional<AuthType> first, KeystoreFormat format,
                          List<LintFinding> out) {
        KeystoreSlot s = keystore.slots().get(i);
        if (s.slotId() != i) {
            out.add(error(i, "slot_id", s.slotId() + ", expected " + i + ": slots are numbered 0, 1, 2, … in order"));
        }
        lintMask(i, s, out);
        Optional<AuthType> type = s.authType();
        if (type.isEmpty()) {
            out.add(error(i, "key_type", s.keyType() + " is no AUTH_KEY_* algorithm"));
            return;
        }
        AuthType t = type.get();
        if (!universal && first.isPresent() && t != first.get()) {
            out.add(error(i, "key_type", t.wolfBootName() + ", but slot 0 is " + first.get().wolfBootName()
                    + ": wolfBoot is built for one algorithm; only a universal keystore"
                    + " (WOLFBOOT_UNIVERSAL_KEYSTORE) mixes them"));
        }
        lintSize(i, s, t, format, out);
        byte[] key = s.keyMaterial();
        if (!t.supported()) {
            out.add(warning(i, "pubkey", t.wolfBootName() + " keys are not checked by bootrig"));
        } else {
            try {
                PublicKeyCodec.decode(t, key, keystore.origin());
            } catch (FormatException e) {
                out.add(error(i, "pubkey", "invalid " + t.wolfBootName() + " key: " + e.problem()));
            }
        }
        for (int j = 0; j < i; j++) {
            if (Arrays.equals(key, keystore.slots().get(j).keyMaterial())) {
                out.add(error(i, "pubkey", "same key as slot " + j + ": one key should hold one set of permissions"));
                break;
            }
        }
    }

    /**
     * As {@link #lint(Keystore, KeystoreFormat)} for keystore.c, plus a warning when the file is not
     * keygen 2.9.0's exact text: hand-edited, or written by another wolfBoot version.
     */
    public List<LintFinding> lint(KeystoreC content) {
        List<LintFinding> out = lint(content.keystore(), KeystoreFormat.C_SOURCE);
        content.deviation().ifPresent(d -> out.add(warning(-1, "text", "not keygen 2.9.0's exact text from line "
                + d.line() + " on (hand-edited, or written by another wolfBoot version): keys read from its C"
                + " structure; the exact parser stopped at " + d.detail())));
        return out;
    }

    private static void lintMask(int i, KeystoreSlot s, List<LintFinding> out) {
        if ((s.partIdMask() & ((1L << SlotSummary.PARTITION_IDS) - 1)) != 0) {
            return;
        }
        out.add(error(i, "part_id_mask", s.partIdMask() == 0
                ? "0x00000000 allows no partition id: the key can verify nothing"
                : s.maskHex() + " allows only partition ids above 15, which no image carries: the key can verify"
                        + " nothing"));
    }

    private static void lintSize(int i, KeystoreSlot s, AuthType t, KeystoreFormat format, List<LintFinding> out) {
        long size = s.pubkeySize();
        if (format.actualKeySizes()) {
            long expected = isRsaFamily(t)
                    ? KeystoreSlot.derLength(s.pubkey())
                    : fixedSize(t, size);
            if (expected > 0 && size != expected) {
                out.add(error(i, "pubkey_size", size + ", expected " + expected + ": keystore.c and the OTP carry the "
                        + t.wolfBootName() + " key's own length"));
            }
        } else if (size != fixedSize(t, size)) {
            out.add(error(i, "pubkey_size", size + ", expected " + fixedSize(t, size)
                    + ": keystore.der slots are KEYSTORE_PUBKEY_SIZE_" + t.wolfBootName() + " long"));
        }
    }

    private static boolean isRsaFamily(AuthType t) {
        return t.isRsa() || t == AuthType.RSAPSS2048 || t == AuthType.RSAPSS3072 || t == AuthType.RSAPSS4096;
    }

    /** KEYSTORE_PUBKEY_SIZE for the type; ML-DSA's depends on the level, read from the key length. */
    private static long fixedSize(AuthType t, long keyLength) {
        if (t == AuthType.ML_DSA && ML_DSA_SIZES.contains((int) Math.min(keyLength, Integer.MAX_VALUE))) {
            return keyLength;
        }
        return t.keystorePubkeySize();
    }

    private static void lintOtp(List<KeystoreSlot> slots, KeystoreFormat format, List<LintFinding> out) {
        int n = slots.size();
        long[] keyBytes = new long[n];
        for (int i = 0; i < n; i++) {
            // otp-keystore-gen copies keystore.c, which holds each key's own length
            KeystoreSlot s = slots.get(i);
            keyBytes[i] = format.actualKeySizes() ? s.pubkeySize() : s.keyMaterial().length;
        }
        long writtenStride = OtpLayout.SLOT_HEADER_SIZE + keyBytes[0];
        long readStride = slots.get(0).authType()
                .map(t -> OtpLayout.SLOT_HEADER_SIZE + fixedSize(t, keyBytes[0]))
                .orElse(writtenStride);
        for (int i = 1; i < n; i++) {
            if (keyBytes[i] > keyBytes[0]) {
                out.add(error(i, "pubkey_size", keyBytes[i] + " key bytes do not fit the OTP slot stride set by slot 0 ("
                        + keyBytes[0] + "): otp-keystore-gen would cut the key"));
            }
        }
        long stride = Math.max(writtenStride, readStride);
        if (n * stride > OtpLayout.KEYSTORE_AREA) {
            out.add(error(-1, "otp", String.format(Locale.ROOT, "%d keys of %d bytes need %d bytes;"
                    + " the STM32H5 OTP has %d for slots (0x010..0x7C0, below the UDS): at most %d keys of this size",
                    n, stride, n * stride, OtpLayout.KEYSTORE_AREA, OtpLayout.KEYSTORE_AREA / stride)));
        }
        if (writtenStride != readStride) {
            String type = slots.get(0).authType().map(AuthType::wolfBootName).orElseThrow();
            String what = String.format(Locale.ROOT, "otp-keystore-gen packs slots every %d bytes (16 + keystore.c's"
                    + " pubkey_size %d) but wolfBoot reads them every %d (16 + KEYSTORE_PUBKEY_SIZE_%s)",
                    writtenStride, keyBytes[0], readStride, type);
            out.add(n > 1
                    ? error(-1, "otp", what + ": every slot after slot 0 would be read from the wrong place")
                    : warning(-1, "otp", what + ": harmless with one key, wrong as soon as a second is added"));
        }
    }

    private static LintFinding error(int slot, String field, String message) {
        return new LintFinding(Severity.ERROR, slot, field, message);
    }

    private static LintFinding warning(int slot, String field, String message) {
        return new LintFinding(Severity.WARNING, slot, field, message);
    }
}
