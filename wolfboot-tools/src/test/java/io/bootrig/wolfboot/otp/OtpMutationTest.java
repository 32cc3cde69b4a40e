package io.bootrig.wolfboot.otp;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.keystore.KeystoreLinter;
import io.bootrig.wolfboot.keystore.Mutator;
import io.bootrig.wolfboot.keystore.SlotSummary;
import io.bootrig.wolfboot.keystore.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded corruptions of the vector OTP images: parsing may only throw FormatException; what it
 * accepts rebuilds into an image that reads back the same, and the comparison names every change.
 */
class OtpMutationTest {
    private static final int MUTANTS_PER_VECTOR = 2500;

    @Test
    void otpParserOnlyThrowsFormatException() {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        for (String alg : Vectors.OTP_ALGORITHMS) {
            byte[] vector = Vectors.otpBin(alg);
            for (int i = 0; i < MUTANTS_PER_VECTOR; i++) {
                Mutator m = new Mutator(alg.hashCode() * 65_537L + i);
                byte[] image = vector;
                StringBuilder what = new StringBuilder(alg + " otp mutant " + i + " (");
                for (int k = 0; k <= i % 3; k++) {
                    image = m.mutate(image);
                    what.append(m.last()).append("; ");
                }
                try {
                    OtpImage otp = OtpImage.parse("otp.bin", image);
                    accepted++;
                    KeystoreLinter.standard().lint(otp.keystore(), KeystoreFormat.OTP);
                    SlotSummary.of(otp.keystore());
                    byte[] rebuilt = OtpImage.build(otp.keystore(), otp.header().version(), otp.uds());
                    if (!OtpImage.parse("rebuilt", rebuilt).keystore().slots().equals(otp.keystore().slots())) {
                        failures.add(what + ": rebuilt image reads back different slots");
                    }
                    OtpComparison.compare(image, rebuilt, true);
                } catch (FormatException e) {
                    if (e.field() == null || e.field().isBlank()) {
                        failures.add(what + ": FormatException without field: " + e.getMessage());
                    }
                } catch (RuntimeException e) {
                    failures.add(what + ": " + e);
                }
                try {
                    KeystoreFiles.parse("otp.bin", image);
                } catch (FormatException e) {
                    // expected for most mutants
                } catch (RuntimeException e) {
                    failures.add(what + " via KeystoreFiles: " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).isPositive();
    }

    @Test
    void comparisonOfAnyTwoImagesNamesEveryDifferingByteOnce() {
        byte[] vector = Vectors.otpBin("lms");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Mutator m = new Mutator(4_242L + i);
            byte[] expected = i % 2 == 0 ? vector : fit(m.mutate(vector));
            byte[] actual = fit(m.mutate(fit(m.mutate(vector))));
            int[] owners = new int[OtpLayout.SIZE];
            for (OtpDifference d : OtpComparison.compare(expected, actual, true)) {
                for (int b = d.offset(); b < d.offset() + d.length(); b++) {
                    owners[b]++;
                }
            }
            for (int b = 0; b < OtpLayout.SIZE; b++) {
                if (owners[b] > 1 || (expected[b] != actual[b] && owners[b] != 1)) {
                    failures.add("pair " + i + ": byte " + b + " reported " + owners[b] + " times");
                    break;
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Back to 2048 bytes after a truncation or insertion. */
    private static byte[] fit(byte[] image) {
        byte[] out = Arrays.copyOf(image, OtpLayout.SIZE);
        if (image.length < OtpLayout.SIZE) {
            Arrays.fill(out, image.length, OtpLayout.SIZE, (byte) 0xFF);
        }
        return out;
    }
}
