package io.bootrig.rig.console;

import static io.bootrig.rig.FuzzChecks.documented;
import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The test app's {@code info} output on any text ({@link SystemInfo#parse}): the system information
 * or an {@link UnexpectedOutputException}; every key it lists has as many bytes as its header says.
 */
class SystemInfoFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        SystemInfo info;
        try {
            info = SystemInfo.parse(new String(data, StandardCharsets.UTF_8));
        } catch (UnexpectedOutputException e) {
            documented(e);
            return;
        }
        info.keystore().ifPresent(k -> {
            k.otp();
            for (PublicKeyInfo key : k.keys()) {
                require(key.key().length == key.size(), key + ": key() is not size bytes");
            }
        });
    }
}
