package io.bootrig.wolfboot.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.keystore.Vectors;
import io.bootrig.wolfboot.otp.OtpComparison.Region;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class OtpComparisonTest {

    static final List<String> OTP_ALGORITHMS = Vectors.OTP_ALGORITHMS;

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void equalImagesHaveNoDifferences(String alg) {
        byte[] otp = Vectors.otpBin(alg);

        assertThat(OtpComparison.compare(otp, otp.clone(), true)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void regionsTileTheWholeImage(String alg) {
        List<Region> regions = OtpComparison.regions(Vectors.otpBin(alg));

        int next = 0;
        for (Region r : regions) {
            assertThat(r.offset()).as(r.field()).isEqualTo(next);
            assertThat(r.length()).as(r.field()).isPositive();
            next = r.offset() + r.length();
        }
        assertThat(next).isEqualTo(2048);
        assertThat(regions).extracting(Region::field).contains("header.magic", "header.item_count", "header.flags",
                "header.version", "slot[0].slot_id", "slot[0].key_type", "slot[0].part_id_mask",
                "slot[0].pubkey_size", "slot[0].pubkey", "slot[1].pubkey", "unused", "uds");
    }

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void aSingleFlippedByteAnywhereIsReportedUnderItsRegion(String alg) {
        byte[] expected = Vectors.otpBin(alg);
        List<Region> regions = OtpComparison.regions(expected);
        for (int off = 0; off < 2048; off++) {
            byte[] actual = expected.clone();
            actual[off] ^= 0x10;
            int at = off;
            Region home = regions.stream().filter(r -> at >= r.offset() && at < r.offset() + r.length())
                    .findFirst().orElseThrow();

            List<OtpDifference> diffs = OtpComparison.compare(expected, actual, true);

            assertThat(diffs).as("offset %d", off).containsExactly(new OtpDifference(home.field(), off,
                    String.format("%02x", expected[off] & 0xFF), String.format("%02x", actual[off] & 0xFF)));
        }
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(textBlock = """
            header.magic,        0
            header.item_count,   8
            header.version,      15
            slot[0].slot_id,     16
            slot[0].pubkey_size, 31
            slot[0].pubkey,      32
            slot[1].part_id_mask, 104
            slot[1].pubkey,      175
            unused,              176
            unused,              1983
            uds,                 1984
            uds,                 2015
            unused,              2016
            unused,              2047
            """)
    void namedRegionsOfTheEcc256Image(String field, int offset) {
        byte[] expected = Vectors.otpBin("ecc256");
        byte[] actual = expected.clone();
        actual[offset] = (byte) ~actual[offset];

        assertThat(OtpComparison.compare(expected, actual, true))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.field()).isEqualTo(field);
                    assertThat(d.offset()).isEqualTo(offset);
                    assertThat(d.length()).isEqualTo(1);
                });
    }

    @Test
    void theUdsIsIgnoredUnlessAskedFor() {
        byte[] expected = Vectors.otpBin("lms");
        byte[] actual = OtpImage.build(Vectors.keystoreC("lms").keystore(), OtpLayout.DEFAULT_VERSION, new byte[32]);

        assertThat(OtpComparison.compare(expected, actual, false)).isEmpty();
        assertThat(OtpComparison.compare(expected, actual, true)).singleElement()
                .satisfies(d -> {
                    assertThat(d.field()).isEqualTo("uds");
                    assertThat(d.actual()).matches("0+");
                    assertThat(d.toString()).doesNotContain(d.expected()).contains("<32 bytes>");
                });
    }

    @Test
    void aWrongVersionAndMaskAreNamed() {
        byte[] expected = Vectors.otpBin("lms");
        byte[] actual = expected.clone();
        io.bootrig.wolfboot.LittleEndian.putU32(actual, 12, 0x02080000L);
        io.bootrig.wolfboot.LittleEndian.putU32(actual, 16 + 76 + 8, 0xFFFFFFFFL);

        assertThat(OtpComparison.compare(expected, actual, false)).containsExactly(
                new OtpDifference("header.version", 14, "09", "08"),
                new OtpDifference("slot[1].part_id_mask", 16 + 76 + 8, "0e000000", "ffffffff"));
    }

    @Test
    void everyDifferingByteIsInExactlyOneReportedSpan() {
        byte[] expected = Vectors.otpBin("ecc256");
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] actual = expected.clone();
            for (int k = random.nextInt(40); k >= 0; k--) {
                actual[random.nextInt(2048)] = (byte) random.nextInt(256);
            }

            List<OtpDifference> diffs = OtpComparison.compare(expected, actual, true);

            int[] owners = new int[2048];
            for (OtpDifference d : diffs) {
                for (int i = d.offset(); i < d.offset() + d.length(); i++) {
                    owners[i]++;
                }
                assertThat(expected[d.offset()]).isNotEqualTo(actual[d.offset()]);
                int last = d.offset() + d.length() - 1;
                assertThat(expected[last]).isNotEqualTo(actual[last]);
            }
            for (int i = 0; i < 2048; i++) {
                assertThat(owners[i]).as("byte %d", i).isLessThanOrEqualTo(1);
                if (expected[i] != actual[i]) {
                    assertThat(owners[i]).as("byte %d", i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void anUnreadableLayoutFallsBackToOneKeystoreRegion() {
        byte[] expected = Vectors.otpBin("lms");
        Arrays.fill(expected, 8, 10, (byte) 0xFF);

        assertThat(OtpComparison.regions(expected)).extracting(Region::field)
                .containsExactly("header.magic", "header.item_count", "header.flags", "header.version", "keystore",
                        "uds", "unused");
    }

    @Test
    void imagesMustBe2048Bytes() {
        assertThatThrownBy(() -> OtpComparison.compare(new byte[2048], new byte[2047], true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
