package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.inventory.TestHomes;
import io.bootrig.rig.sim.VirtualBoardProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rig demo` from fresh keys to a confirmed v2, and what it leaves behind. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void runsTheWholeProcedureAndWritesItsRecord() throws Exception {
        TestEnvironment.openocd();
        RigHome home = TestHomes.under(tmp, Map.of("PATH", System.getenv("PATH")));
        Path work = tmp.resolve("work");
        Rig r = Rig.runIn(home, "demo", "--work", work.toString(), "--baud", "unpaced");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("==== rig demo summary ====", "OTP header:  {magic=WOLFBOOT, keys=2",
                "mask=0xFFFFFFFF", "mask=0x0000000E", "versions:    v1 (NEW) -> v2 (TESTING) -> CONFIRMED",
                "rig demo: PASSED");
        JsonNode record = new ObjectMapper().readTree(work.resolve("demo.json").toFile());
        assertThat(record.get("passed").asBoolean()).isTrue();
        assertThat(record.get("flows")).hasSize(2);
        assertThat(record.get("timings").size()).isEqualTo(2 + 12 + 7);
        assertThat(Files.readString(work.resolve("transcript.txt"))).contains("---- flow update on demo-",
                "---- step 7 confirm: passed - v2 CONFIRMED");
        assertThat(VirtualBoardProcess.running(work.resolve("board"))).as("the demo stops its board").isEmpty();
        for (Path p : new Path[] {work.resolve("demo.json"), work.resolve("transcript.txt"), work.resolve("transcript.jsonl"),
                work.resolve("openocd.log")}) {
            String text = Files.readString(p);
            for (Path key : new Path[] {work.resolve("materials/keys/lms_key0_all.der"),
                    work.resolve("materials/keys/lms_key1_id123.der")}) {
                String privateHex = java.util.HexFormat.of().formatHex(java.util.Arrays.copyOf(Files.readAllBytes(key), 16));
                assertThat(text).as(p + " holds no private key bytes").doesNotContain(privateHex);
            }
        }
    }

    @Test
    void refusesAWorkDirectoryThatIsNotEmpty() throws Exception {
        RigHome home = TestHomes.under(tmp);
        Files.writeString(tmp.resolve("x"), "");
        Rig r = Rig.runIn(home, "demo", "--work", tmp.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("is not empty");
    }
}
