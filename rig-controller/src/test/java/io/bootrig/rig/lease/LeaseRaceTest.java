package io.bootrig.rig.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.openocd.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** Two processes ask for one board at the same moment: exactly one gets it. */
class LeaseRaceTest {
    @TempDir
    Path tmp;

    @RepeatedTest(3)
    void exactlyOneOfTwoProcessesGetsTheBoard() throws Exception {
        List<Contender> contenders = List.of(start("sim-7"), start("sim-7"));
        try {
            for (Contender c : contenders) {
                assertThat(c.out.readLine()).isEqualTo("ready");
            }
            for (Contender c : contenders) {
                c.send("go");
            }
            List<String> results = new ArrayList<>();
            for (Contender c : contenders) {
                results.add(c.out.readLine());
            }
            assertThat(results).filteredOn("acquired"::equals).hasSize(1);
            assertThat(results).filteredOn(r -> r != null && r.startsWith("refused: board sim-7 is in use by ")).hasSize(1);
            assertThat(results.stream().filter(r -> r.startsWith("refused")).findFirst().orElseThrow())
                    .contains("running 'lease contender ");
            for (Contender c : contenders) {
                c.send("done");
                assertThat(c.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(c.process.exitValue()).isZero();
            }
            assertThat(tmp.resolve("leases/sim-7.lease")).doesNotExist();
        } finally {
            contenders.forEach(c -> ProcessTree.kill(c.process, Duration.ofSeconds(2)));
        }
    }

    private record Contender(Process process, BufferedReader out) {
        void send(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private Contender start(String board) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LeaseContender.class.getName(),
                TestEnvironment.root().toString(), tmp.resolve("leases").toString(), board)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new Contender(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
}
