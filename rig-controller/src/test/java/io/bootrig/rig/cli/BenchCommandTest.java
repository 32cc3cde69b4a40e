package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.inventory.TestHomes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table machinery of rig bench on its quickest section; the figures themselves are not asserted. */
class BenchCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsAndRecordsOneTable() throws Exception {
        Rig r = Rig.runIn(TestHomes.under(tmp), "bench", "--only", "crypto", "--work", tmp.resolve("bench").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| section | measure | bootrig | peer | ratio / reference | what limits it |",
                "| crypto | ECC256 image signatures", "| crypto | LMS L2-H5-W8 image verifications");
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("bench/bench.json").toFile());
        assertThat(record.get("rows")).hasSize(4);
        assertThat(tmp.resolve("bench/bench.md")).exists();
    }

    @Test
    void anUnknownSectionIsBadUsage() {
        Rig r = Rig.runIn(TestHomes.under(tmp), "bench", "--only", "warp");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("'warp' is not one of");
    }
}
