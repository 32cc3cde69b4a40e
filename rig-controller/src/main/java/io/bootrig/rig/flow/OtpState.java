package io.bootrig.rig.flow;

import io.bootrig.wolfboot.otp.OtpComparison;
import io.bootrig.wolfboot.otp.OtpDifference;
import java.util.List;

/** What the OTP area holds compared with the image provisioning expects (the random UDS left out). */
record OtpState(Kind kind, List<OtpDifference> differences) {
    enum Kind {
        /** Every byte 0xFF: nothing written yet. */
        BLANK,
        /** Header and slots equal the expected image. */
        EXPECTED,
        /** Something else: another keystore, or a half-done write. */
        OTHER
    }

    static OtpState of(byte[] expected, byte[] actual) {
        boolean blank = true;
        for (byte b : actual) {
            blank &= b == (byte) 0xFF;
        }
        if (blank) {
            return new OtpState(Kind.BLANK, List.of());
        }
        List<OtpDifference> d = OtpComparison.compare(expected, actual, false);
        return new OtpState(d.isEmpty() ? Kind.EXPECTED : Kind.OTHER, d);
    }

    /** The first few differences, one line. */
    String describe() {
        StringBuilder sb = new StringBuilder(differences.size() + " difference(s): ");
        differences.stream().limit(3).forEach(d -> sb.append(d).append("; "));
        if (differences.size() > 3) {
            sb.append("...");
        }
        return sb.toString().replaceAll("; $", "");
    }
}
