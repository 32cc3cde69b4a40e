package io.bootrig.rig.console;

import static io.bootrig.rig.FuzzChecks.documented;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/** What the test app prints after an XMODEM update, on any text: {@link UpdateReport#parse} or {@link UnexpectedOutputException}. */
class UpdateReportFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        try {
            UpdateReport r = UpdateReport.parse(new String(data, StandardCharsets.UTF_8));
            r.transferSucceeded();
        } catch (UnexpectedOutputException e) {
            documented(e);
        }
    }
}
