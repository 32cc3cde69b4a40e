package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "image", "image inspect", "image verify", "image sign", "keystore", "keystore inspect",
            "keystore lint", "keystore keygen", "keystore otp-image", "config", "config show", "console", "xmodem",
            "xmodem send", "xmodem recv", "sim", "sim start", "sim stop", "sim status", "sim power", "sim fault", "boards", "demo",
            "provision", "update", "health", "otp", "otp read", "otp verify", "flash", "erase", "options", "options show",
            "options set", "soak", "bench", "qualify"})
    void everyCommandHasHelp(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        Rig r = Rig.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: rig" + (command.isEmpty() ? "" : " " + command));
    }
}
