package io.bootrig.rig.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardSelectionTest {
    @TempDir
    Path tmp;

    private Inventory inventory;

    @BeforeEach
    void inventory() throws Exception {
        Files.createDirectories(tmp.resolve("boards"));
        Files.writeString(tmp.resolve("boards/bench-1.yaml"), """
                name: bench-1
                kind: nucleo-h563zi
                console: /dev/ttyACM0
                openocd: {interface: interface/nucleo-h563zi.cfg}
                wolfboot-config: %s
                """.formatted(TestHomes.lmsConfig()));
        inventory = Inventory.load(TestHomes.under(tmp));
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws Exception {
        BoardSelection s = BoardSelection.select(inventory, "sim-2", Map.of("RIG_BOARD", "bench-1"));
        assertThat(s.board().name()).isEqualTo("sim-2");
        assertThat(s.origin()).isEqualTo("--board");
        assertThat(s.handedOverByJenkins()).isFalse();
    }

    @Test
    void rigBoardElseSim() throws Exception {
        BoardSelection fromEnv = BoardSelection.select(inventory, null, Map.of("RIG_BOARD", "bench-1"));
        assertThat(fromEnv.board().name()).isEqualTo("bench-1");
        assertThat(fromEnv.origin()).isEqualTo("RIG_BOARD");
        BoardSelection byDefault = BoardSelection.select(inventory, null, Map.of("RIG_BOARD", " "));
        assertThat(byDefault.board().name()).isEqualTo("sim");
        assertThat(byDefault.origin()).isEqualTo("default");
    }

    @Test
    void jenkinsHandsOverTheBoardItsLockNamed() throws Exception {
        Map<String, String> jenkins = Map.of("RIG_BOARD", "bench-1", "BUILD_TAG", "jenkins-nightly-42");
        BoardSelection s = BoardSelection.select(inventory, null, jenkins);
        assertThat(s.handedOverByJenkins()).isTrue();
        assertThat(s.jenkinsBuild()).contains("jenkins-nightly-42");
        assertThat(BoardSelection.select(inventory, "bench-1", jenkins).handedOverByJenkins()).isTrue();
        assertThat(BoardSelection.select(inventory, "sim", jenkins).handedOverByJenkins())
                .as("another board than the one Jenkins locked").isFalse();
        BoardSelection byUrl = BoardSelection.select(inventory, null, Map.of("RIG_BOARD", "bench-1",
                "JENKINS_URL", "https://ci.example/"));
        assertThat(byUrl.handedOverByJenkins()).isTrue();
        assertThat(byUrl.jenkinsBuild()).contains("https://ci.example/");
        assertThat(BoardSelection.select(inventory, null, Map.of("RIG_BOARD", "bench-1")).handedOverByJenkins())
                .as("RIG_BOARD outside Jenkins").isFalse();
    }

    @Test
    void anUnknownBoardNamesWhereItsNameCameFrom() {
        assertThatThrownBy(() -> BoardSelection.select(inventory, null, Map.of("RIG_BOARD", "bench-9")))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("RIG_BOARD: board: no board named 'bench-9'; known: bench-1, sim, sim-1 .. sim-99");
        assertThatThrownBy(() -> BoardSelection.select(inventory, "nope", Map.of()))
                .hasMessageStartingWith("--board: board: no board named 'nope'");
    }
}
