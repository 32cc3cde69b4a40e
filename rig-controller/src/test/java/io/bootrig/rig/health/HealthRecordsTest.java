package io.bootrig.rig.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.inventory.TestHomes;
import io.bootrig.wolfboot.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthRecordsTest {
    @TempDir
    Path tmp;

    @Test
    void theLastRecordPerBoardIsKept() throws Exception {
        HealthRecords records = new HealthRecords(TestHomes.under(tmp));
        assertThat(records.last("sim")).isEmpty();
        records.write(new HealthRecord("sim", Instant.parse("2025-03-01T10:00:00Z"), "product", "wolfBoot did not boot"));
        HealthRecord latest = new HealthRecord("sim", Instant.parse("2025-03-02T10:00:00Z"), "ok", "test-app v1 at the prompt");
        records.write(latest);
        assertThat(records.last("sim")).contains(latest);
        assertThat(records.file("sim")).isEqualTo(tmp.resolve("state/bootrig/health/sim.json"));
        assertThat(records.last("nucleo-01")).isEmpty();
    }

    @Test
    void anUnknownResultIsRefused() throws Exception {
        assertThatThrownBy(() -> new HealthRecord("sim", Instant.now(), "fine", "x"))
                .hasMessage("health result 'fine': expected ok, infrastructure or product");
        HealthRecords records = new HealthRecords(TestHomes.under(tmp));
        Files.createDirectories(records.file("sim").getParent());
        Files.writeString(records.file("sim"), "{\"board\":\"sim\",\"at\":\"yesterday\",\"result\":\"ok\",\"summary\":\"\"}");
        assertThatThrownBy(() -> records.last("sim")).isInstanceOf(FormatException.class)
                .hasMessage(records.file("sim") + ": at: 'yesterday': expected an ISO instant");
    }
}
