package io.bootrig.rig.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandPowerSwitchTest {
    @TempDir
    Path tmp;

    @Test
    void theActionReplacesThePlaceholderAndNoShellInterpretsTheArguments() throws Exception {
        Path log = tmp.resolve("actions");
        // the script records its arguments; "$(reboot)" must arrive as text, not run
        Path script = tmp.resolve("switch.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|' \"$@\" >> '" + log + "'\necho >> '" + log + "'\n");
        script.toFile().setExecutable(true);
        CommandPowerSwitch s = new CommandPowerSwitch("bench-1", List.of(script.toString(), "-p", "2", "-a", "{action}",
                "$(reboot)"), Duration.ofSeconds(20));
        s.off();
        s.on();
        s.cycle();
        assertThat(Files.readAllLines(log)).containsExactly("-p|2|-a|off|$(reboot)|", "-p|2|-a|on|$(reboot)|",
                "-p|2|-a|cycle|$(reboot)|");
        assertThat(s.describe()).isEqualTo("command " + script + " -p 2 -a {action} $(reboot)");
    }

    @Test
    void echoSucceeds() {
        new CommandPowerSwitch("bench-1", List.of("/bin/echo", "power", "{action}"), Duration.ofSeconds(20)).cycle();
    }

    @Test
    void aFailingCommandIsReportedWithItsExitCodeAndLastOutput() {
        assertThatThrownBy(() -> new CommandPowerSwitch("bench-1", List.of("/bin/false", "{action}"), Duration.ofSeconds(20)).off())
                .isInstanceOf(PowerException.class)
                .hasMessage("board bench-1: power off command '/bin/false off' failed with exit code 1; no output");
        List<String> noisy = List.of("/bin/sh", "-c", "for i in $(seq 1 30); do echo line $i; done; echo 'hub 1-1 not found' >&2; exit 4",
                "{action}");
        assertThatThrownBy(() -> new CommandPowerSwitch("bench-1", noisy, Duration.ofSeconds(20)).on())
                .isInstanceOf(PowerException.class)
                .hasMessageContaining("failed with exit code 4")
                .hasMessageEndingWith("last output: line 22 | line 23 | line 24 | line 25 | line 26 | line 27 | line 28 | line 29 "
                        + "| line 30 | hub 1-1 not found")
                .message().doesNotContain("line 21 |");
    }

    @Test
    void aMissingProgramIsNamed() {
        assertThatThrownBy(() -> new CommandPowerSwitch("bench-1", List.of("/nonexistent/uhubctl", "-a", "{action}"),
                Duration.ofSeconds(20)).cycle())
                .isInstanceOf(PowerException.class)
                .hasMessageStartingWith("board bench-1: power cycle command '/nonexistent/uhubctl -a cycle' cannot start");
    }

    @Test
    void aCommandThatHangsIsKilledWithItsChildrenAtTheTimeout() throws Exception {
        Path pids = tmp.resolve("pids");
        List<String> hang = List.of("/bin/sh", "-c", "sleep 600 & echo $$ $! > '" + pids + "'; echo hanging; wait", "{action}");
        assertThatThrownBy(() -> new CommandPowerSwitch("bench-1", hang, Duration.ofMillis(500)).off())
                .isInstanceOf(PowerException.class)
                .hasMessageContaining("did not finish within 500 ms; killed it")
                .hasMessageContaining("last output: hanging");
        for (String pid : Files.readString(pids).strip().split(" ")) {
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true));
        }
    }
}
