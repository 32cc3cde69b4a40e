package io.bootrig.wolfboot.otp;

import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;

/**
 * {@link OtpComparison} on any two 2048-byte images (the input's first 2048 bytes, padded with 0xFF,
 * and the next 2048, the expected image's bytes where the input ends): the regions the expected
 * image's header lays out cover every byte exactly once, and every differing byte is reported once,
 * inside the region that names it.
 */
class OtpComparisonFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void compare(byte[] data) {
        byte[] expected = Arrays.copyOf(data, OtpLayout.SIZE);
        Arrays.fill(expected, Math.min(data.length, OtpLayout.SIZE), OtpLayout.SIZE, (byte) 0xFF);
        byte[] actual = expected.clone();
        if (data.length > OtpLayout.SIZE) {
            System.arraycopy(data, OtpLayout.SIZE, actual, 0, Math.min(data.length - OtpLayout.SIZE, OtpLayout.SIZE));
        }
        List<OtpComparison.Region> regions = OtpComparison.regions(expected);
        int[] cover = new int[OtpLayout.SIZE];
        for (OtpComparison.Region r : regions) {
            require(r.offset() >= 0 && r.length() > 0 && r.offset() + r.length() <= OtpLayout.SIZE,
                    "region " + r + " outside the image");
            for (int i = r.offset(); i < r.offset() + r.length(); i++) {
                cover[i]++;
            }
        }
        for (int i = 0; i < OtpLayout.SIZE; i++) {
            require(cover[i] == 1, "byte " + i + " is in " + cover[i] + " regions");
        }
        require(OtpComparison.compare(expected, expected, true).isEmpty(), "an image differs from itself");
        List<OtpDifference> all = OtpComparison.compare(expected, actual, true);
        long regionsWithDifferences = regions.stream().filter(r -> {
            for (int i = r.offset(); i < r.offset() + r.length(); i++) {
                if (expected[i] != actual[i]) {
                    return true;
                }
            }
            return false;
        }).count();
        require(all.size() == regionsWithDifferences, all.size() + " differences for " + regionsWithDifferences
                + " regions that differ");
        for (OtpDifference d : all) {
            OtpComparison.Region r = regions.stream().filter(x -> x.offset() <= d.offset()
                    && d.offset() < x.offset() + x.length() && x.field().equals(d.field())).findFirst()
                    .orElseThrow(() -> new AssertionError(d.field() + " at " + d.offset() + " is no region"));
            require(d.offset() + d.length() <= r.offset() + r.length(), d.field() + " runs past its region");
            require(expected[d.offset()] != actual[d.offset()], d.field() + " starts at an equal byte");
            d.toString();
        }
        require(OtpComparison.compare(expected, actual, false).stream().noneMatch(d -> d.field().equals("uds")),
                "the UDS is compared although left out");
    }
}
