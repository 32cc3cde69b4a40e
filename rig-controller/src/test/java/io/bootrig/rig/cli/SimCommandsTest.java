package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void startStatusStopKeepsTheStateAndLeavesNoProcess() throws Exception {
        String dir = tmp.resolve("sim-a").toString();
        Rig start = Rig.run("sim", "start", "--name", "sim-a", "--state", dir, "--baud", "unpaced", "--json");
        assertThat(start.exit()).as(start.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(start.out());
        long pid = j.get("pid").asLong();
        try {
            assertThat(j.get("debugPort").asInt()).isPositive();
            assertThat(Path.of(j.get("console").asText())).exists();
            Rig again = Rig.run("sim", "start", "--name", "sim-a", "--state", dir);
            assertThat(again.out()).contains("already running").contains("pid " + pid);
            Rig status = Rig.run("sim", "status", "--name", "sim-a", "--state", dir, "--json");
            assertThat(status.exit()).isZero();
            assertThat(new ObjectMapper().readTree(status.out()).has("ok")).isTrue();

            Rig arm = Rig.run("sim", "fault", "--name", "sim-a", "--state", dir, "power-cut-at-block", "3");
            assertThat(arm.exit()).as(arm.err()).isZero();
            assertThat(Rig.run("sim", "fault", "--name", "sim-a", "--state", dir, "list").out())
                    .contains("power-cut-at-block 3: armed");
            Rig bad = Rig.run("sim", "fault", "--name", "sim-a", "--state", dir, "meteor-strike");
            assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(bad.err()).contains("meteor-strike");
            assertThat(Rig.run("sim", "fault", "--name", "sim-a", "--state", dir, "clear").exit()).isZero();
            assertThat(Rig.run("sim", "fault", "--name", "sim-a", "--state", dir, "list").out()).contains("no fault armed");
            assertThat(Rig.run("sim", "power", "--name", "sim-a", "--state", dir, "off").out()).contains("\"power\":\"off\"");
            assertThat(Rig.run("sim", "power", "--name", "sim-a", "--state", dir, "on").out()).contains("\"power\":\"on\"");
        } finally {
            Rig stop = Rig.run("sim", "stop", "--name", "sim-a", "--state", dir);
            assertThat(stop.out()).contains("stopped");
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        assertThat(Files.exists(tmp.resolve("sim-a/process.json"))).isFalse();
        assertThat(Files.list(tmp.resolve("sim-a/flash")).count()).as("flash state kept").isPositive();
        assertThat(Rig.run("sim", "status", "--name", "sim-a", "--state", dir).out()).contains("not running");
        assertThat(Rig.run("sim", "stop", "--name", "sim-a", "--state", dir).out()).contains("not running");
        assertThat(Rig.run("sim", "start", "--name", "../x").exit()).isEqualTo(2);
        assertThat(Rig.run("sim", "power", "--name", "sim-a", "--state", dir, "on").exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
    }
}
