package io.bootrig.rig.console;

import static io.bootrig.rig.FuzzChecks.documented;
import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** The test app's {@code help} on any text: {@link HelpListing#parse} lists commands, or {@link UnexpectedOutputException}. */
class HelpListingFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        try {
            HelpListing help = HelpListing.parse(new String(data, StandardCharsets.UTF_8));
            require(!help.commands().isEmpty(), "a help listing without commands");
        } catch (UnexpectedOutputException e) {
            documented(e);
        }
    }
}
