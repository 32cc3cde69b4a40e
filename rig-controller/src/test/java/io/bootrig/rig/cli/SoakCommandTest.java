package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.inventory.TestHomes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short soak on two boards: every cycle ends with a valid image booting, and nothing is left behind. */
class SoakCommandTest {
    @TempDir
    Path tmp;

    @Test
    void twoBoardsWithRandomFaultsLeakNothing() throws Exception {
        TestEnvironment.openocd();
        RigHome home = TestHomes.under(tmp, Map.of("PATH", System.getenv("PATH")));
        Rig r = Rig.runIn(home, "soak", "--boards", "2", "--cycles", "2", "--seed", "7", "--work", tmp.resolve("soak").toString(),
                "--json");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("cycles").asInt()).isEqualTo(4);
        assertThat(report.get("faultsInjected").asInt()).isEqualTo(4);
        assertThat(report.get("leakedProcesses")).isEmpty();
        assertThat(report.get("leakedFileDescriptors").asInt()).isZero();
        assertThat(report.get("leakedSockets").asInt()).isZero();
        for (JsonNode c : report.get("cycleList")) {
            assertThat(c.get("struck").asBoolean()).as(c.toString()).isTrue();
            assertThat(c.get("failure").asText()).as(c.toString()).isEmpty();
        }
        assertThat(r.err()).contains("seed 7");
    }
}
