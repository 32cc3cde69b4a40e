package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.health.HealthRecord;
import io.bootrig.rig.health.HealthRecords;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.inventory.TestHomes;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.lease.LocalHost;
import io.bootrig.rig.lease.Leases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardsCommandTest {
    @TempDir
    Path tmp;

    private RigHome home;

    @BeforeEach
    void inventory() throws Exception {
        Path boards = Files.createDirectories(tmp.resolve("boards"));
        for (String f : new String[] {"sim.yaml", "nucleo-01.yaml"}) {
            Files.copy(TestEnvironment.root().resolve("board-configs/boards").resolve(f), boards.resolve(f));
        }
        Files.createDirectories(boards.resolve("../wolfboot"));
        Files.copy(Path.of(TestHomes.lmsConfig()), tmp.resolve("wolfboot/stm32h5-tz-dualbank-otp-lms.config"));
        Files.createDirectories(tmp.resolve("state/bootrig/sim/sim-2"));
        home = TestHomes.under(tmp);
    }

    @Test
    void listsBoardsWithLeaseAndLastHealth() throws Exception {
        new HealthRecords(home).write(new HealthRecord("sim", Instant.parse("2025-03-02T10:00:00Z"), "ok", "test-app v1 at the prompt"));
        try (Lease lease = new Leases(home).acquire(Inventory.load(home).resolve("nucleo-01"), false, Duration.ZERO, "rig flash")) {
            Rig r = Rig.runIn(home, "boards");
            assertThat(r.exit()).as(r.err()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines).hasSize(4);
            assertThat(lines[0]).startsWith("NAME").contains("KIND").contains("CONSOLE").contains("SACRIFICIAL")
                    .contains("LEASE").endsWith("LAST HEALTH");
            assertThat(lines[1]).startsWith("nucleo-01").contains("nucleo-h563zi")
                    .contains("/dev/serial/by-id/usb-STMicroelectronics_STLINK-V3_0027003F3331510B33323639-if02")
                    .contains(" no ").contains("held by " + lease.owner() + " pid " + ProcessHandle.current().pid()
                            + " on " + LocalHost.name() + " since " + lease.record().orElseThrow().acquired())
                    .endsWith("never");
            assertThat(lines[2]).startsWith("sim ").contains("virtual").contains(" yes ").contains(" free ")
                    .endsWith("2025-03-02T10:00:00Z ok: test-app v1 at the prompt");
            assertThat(lines[3]).startsWith("sim-2 ").contains(" free ");
        }
    }

    @Test
    void jsonIsAnArrayOfBoards() throws Exception {
        try (Lease lease = new Leases(home).acquire(Inventory.load(home).resolve("sim"), false, Duration.ZERO, "rig demo")) {
            Rig r = Rig.runIn(home, "boards", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode a = new ObjectMapper().readTree(r.out());
            assertThat(a.isArray()).isTrue();
            assertThat(a).extracting(j -> j.get("name").asText()).containsExactly("nucleo-01", "sim", "sim-2");
            JsonNode nucleo = a.get(0);
            assertThat(nucleo.get("kind").asText()).isEqualTo("nucleo-h563zi");
            assertThat(nucleo.get("sacrificial").asBoolean()).isFalse();
            assertThat(nucleo.get("tags").get("lab").asText()).isEqualTo("bench-3");
            assertThat(nucleo.get("lease").get("state").asText()).isEqualTo("free");
            assertThat(nucleo.get("health").isNull()).isTrue();
            JsonNode simLease = a.get(1).get("lease");
            assertThat(simLease.get("state").asText()).isEqualTo("held");
            assertThat(simLease.get("owner").asText()).isEqualTo(lease.owner());
            assertThat(simLease.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
            assertThat(simLease.get("command").asText()).isEqualTo("rig demo");
            assertThat(simLease.get("since").asText()).isEqualTo(lease.record().orElseThrow().acquired().toString());
            assertThat(a.get(2).get("source").asText()).contains("sim.yaml (as sim-2)");
        }
    }

    @Test
    void anInvalidInventoryFileExitsTwoNamingFileAndField() throws Exception {
        Path bad = tmp.resolve("boards/nucleo-01.yaml");
        Files.writeString(bad, Files.readString(bad).replace("kind: nucleo-h563zi", "kind: nucleo-f4"));
        Rig r = Rig.runIn(home, "boards");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("rig: " + bad + ": kind: 'nucleo-f4' is not a board kind");
    }

    @Test
    void theDefaultInventoryIsTheRepositorysOwn() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.put("RIG_LEASE_DIR", tmp.resolve("leases").toString());
        Rig r = Rig.runIn(RigHome.of(TestEnvironment.root(), env), "boards");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("nucleo-01").contains("sim");
    }
}
