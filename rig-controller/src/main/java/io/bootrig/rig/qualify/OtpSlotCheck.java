package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.SlotSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One keystore slot against the OTP read back: key type, mask and the SHA-256 of the key material (the fingerprint an
 * image's pubkey hint names).
 *
 * @param otp the slot as the OTP holds it; empty when the OTP has fewer slots
 */
public record OtpSlotCheck(SlotSummary keystore, Optional<SlotSummary> otp) {

    public boolean matches() {
        return otp.isPresent() && otp.get().fingerprint().equals(keystore.fingerprint())
                && otp.get().keyType().equals(keystore.keyType()) && otp.get().partIdMask() == keystore.partIdMask();
    }

    /** "slot 1: LMS, mask 0x0000000E, SHA-256 c444...: matches" or what differs. */
    public String describe() {
        String head = "slot " + keystore.slotId() + ": ";
        if (otp.isEmpty()) {
            return head + "missing from the OTP";
        }
        SlotSummary o = otp.get();
        List<String> diffs = new ArrayList<>();
        if (!o.keyType().equals(keystore.keyType())) {
            diffs.add("type " + o.keyType() + ", keystore " + keystore.keyType());
        }
        if (o.partIdMask() != keystore.partIdMask()) {
            diffs.add("mask " + o.maskHex() + ", keystore " + keystore.maskHex());
        }
        if (!o.fingerprint().equals(keystore.fingerprint())) {
            diffs.add("SHA-256 " + o.fingerprint() + ", keystore " + keystore.fingerprint());
        }
        return head + (diffs.isEmpty() ? keystore.keyType() + ", mask " + keystore.maskHex() + ", SHA-256 "
                + keystore.fingerprint() + ": matches" : "OTP differs: " + String.join("; ", diffs));
    }

    /** Every slot of {@code expected} against the slot at the same index in {@code otp}. */
    static List<OtpSlotCheck> compare(Keystore expected, Keystore otp) {
        List<SlotSummary> want = SlotSummary.of(expected);
        List<SlotSummary> have = SlotSummary.of(otp);
        List<OtpSlotCheck> out = new ArrayList<>();
        for (int i = 0; i < want.size(); i++) {
            out.add(new OtpSlotCheck(want.get(i), i < have.size() ? Optional.of(have.get(i)) : Optional.empty()));
        }
        return out;
    }
}
