package io.bootrig.wolfboot.config;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STM32H5 example configs in board-configs/wolfboot, and edits of their text. */
final class ExampleConfigs {
    static final String LMS = "stm32h5-tz-dualbank-otp-lms.config";
    static final String ECC = "stm32h5-tz-dualbank-otp.config";

    private ExampleConfigs() {}

    static Path path(String name) {
        return Fixtures.root().resolve("board-configs/wolfboot").resolve(name);
    }

    static String text(String name) {
        try {
            return Files.readString(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String lms() {
        return text(LMS);
    }

    static String ecc() {
        return text(ECC);
    }

    static PartitionLayout layout(String text) throws FormatException {
        return WolfBootConfig.parse("test.config", text).layout();
    }

    /** The text with KEY's line(s) replaced by KEY=value (any operator). */
    static String with(String text, String key, String value) {
        Matcher m = line(key).matcher(text);
        if (!m.find()) {
            return text + "\n" + key + "=" + value + "\n";
        }
        return m.replaceAll(Matcher.quoteReplacement(key + "=" + value));
    }

    static String without(String text, String key) {
        return line(key).matcher(text).replaceAll("");
    }

    private static Pattern line(String key) {
        return Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*[?:+]?=.*$");
    }
}
