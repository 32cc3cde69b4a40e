package io.bootrig.wolfboot.otp;

import static io.bootrig.wolfboot.FuzzChecks.documented;
import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.keystore.KeystoreLinter;
import java.util.Arrays;

/**
 * {@link OtpImage#parse} on any bytes, and on them cut or padded with 0xFF to the 2048 bytes of the
 * OTP (so mutations that change the length still reach the slots): an image or a
 * {@link FormatException}. What it accepts, {@code build} writes again (the documented
 * IllegalArgumentException cannot apply) and that parses to the same keystore, stride, version and
 * UDS. The linter reports on every keystore it accepts.
 */
class OtpImageFuzzTest {
    private static final String SOURCE = "otp.bin";

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        check(data);
        if (data.length != OtpLayout.SIZE) {
            byte[] sized = Arrays.copyOf(data, OtpLayout.SIZE);
            Arrays.fill(sized, Math.min(data.length, OtpLayout.SIZE), OtpLayout.SIZE, (byte) 0xFF);
            check(sized);
        }
    }

    private static void check(byte[] image) {
        OtpImage otp;
        try {
            otp = OtpImage.parse(SOURCE, image);
        } catch (FormatException e) {
            documented(e, SOURCE);
            return;
        }
        require(otp.keystore().size() == otp.header().itemCount(), "item_count differs from the slots read");
        byte[] built = OtpImage.build(otp.keystore(), otp.header().version(), otp.uds());
        OtpImage again;
        try {
            again = OtpImage.parse(SOURCE, built);
        } catch (FormatException e) {
            throw new AssertionError("build's image of a parsed OTP does not parse", e);
        }
        require(again.keystore().equals(otp.keystore()) && again.slotStride() == otp.slotStride()
                && again.header().version() == otp.header().version() && Arrays.equals(again.uds(), otp.uds()),
                "build then parse gives " + again + ", parse gave " + otp);
        KeystoreLinter.standard().lint(otp.keystore(), KeystoreFormat.OTP);
        otp.toString();
    }
}
