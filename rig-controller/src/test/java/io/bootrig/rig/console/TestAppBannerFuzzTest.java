package io.bootrig.rig.console;

import static io.bootrig.rig.FuzzChecks.documented;
import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The test app's start banner in any console text: {@link TestAppBanner#find} finds one or none,
 * {@link TestAppBanner#parse} agrees with it or throws {@link UnexpectedOutputException}.
 */
class TestAppBannerFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void find(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        Optional<TestAppBanner> found = TestAppBanner.find(text);
        try {
            TestAppBanner parsed = TestAppBanner.parse(text);
            require(found.isPresent() && found.get().equals(parsed), "parse and find disagree");
            require(parsed.version() >= 0 && parsed.version() <= 0xFFFFFFFFL, "version " + parsed.version());
        } catch (UnexpectedOutputException e) {
            documented(e);
            require(found.isEmpty(), "parse refuses the banner find found");
        }
    }
}
