package io.bootrig.rig.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.wolfboot.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryTest {
    private static final String REAL = """
            name: bench-1
            kind: nucleo-h563zi
            stlink-serial: 0027003F3331510B33323639
            console: tcp://rig-host:4001
            openocd:
              interface: interface/nucleo-h563zi.cfg
            power: none
            wolfboot-config: %s
            """;

    @TempDir
    Path tmp;

    private Path boards() throws Exception {
        return Files.createDirectories(tmp.resolve("boards"));
    }

    private RigHome home() {
        return TestHomes.under(tmp);
    }

    @Test
    void theCommittedInventoryLoads() throws Exception {
        RigHome repo = RigHome.of(TestEnvironment.root(), Map.of("XDG_STATE_HOME", tmp.toString()));
        Inventory inv = Inventory.load(repo);
        assertThat(inv.boards()).extracting(BoardSpec::name).containsExactly("nucleo-01", "sim");

        BoardSpec nucleo = inv.resolve("nucleo-01");
        assertThat(nucleo.kind()).isEqualTo(BoardKind.NUCLEO_H563ZI);
        assertThat(nucleo.stlinkSerial()).contains("0027003F3331510B33323639");
        assertThat(nucleo.console()).isEqualTo(new ConsoleSpec.Port(
                "/dev/serial/by-id/usb-STMicroelectronics_STLINK-V3_0027003F3331510B33323639-if02", SerialSettings.DEFAULT));
        assertThat(nucleo.power()).isEqualTo(new PowerSpec.Command(List.of("uhubctl", "-l", "1-1", "-p", "2", "-a", "{action}")));
        assertThat(nucleo.openocd().file()).isEqualTo("interface/nucleo-h563zi.cfg");
        assertThat(nucleo.wolfbootConfig()).isEqualTo(TestEnvironment.root()
                .resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config").toAbsolutePath().normalize());
        assertThat(nucleo.sacrificial()).isFalse();
        assertThat(nucleo.tags()).containsEntry("lab", "bench-3");
        assertThat(nucleo.stateDirectory()).isEmpty();

        BoardSpec sim = inv.resolve("sim");
        assertThat(sim.isVirtual()).isTrue();
        assertThat(sim.console()).isInstanceOf(ConsoleSpec.Virtual.class);
        assertThat(sim.power()).isInstanceOf(PowerSpec.Virtual.class);
        assertThat(sim.openocd().file()).isEqualTo("interface/virtual-board.cfg");
        assertThat(sim.sacrificial()).isTrue();
        assertThat(sim.stateDirectory()).contains(tmp.resolve("bootrig/sim/sim"));
        assertThat(sim.source()).endsWith("sim.yaml");
    }

    @Test
    void simNIsACopyOfSimWithItsOwnNameAndStateDirectory() throws Exception {
        Files.writeString(boards().resolve("sim.yaml"), """
                name: sim
                kind: virtual
                console: virtual
                power: virtual
                openocd: {interface: interface/virtual-board.cfg, commands: ["echo hello"]}
                wolfboot-config: %s
                tags: {sacrificial: true, lab: farm}
                """.formatted(TestHomes.lmsConfig()));
        Inventory inv = Inventory.load(home());
        BoardSpec sim3 = inv.resolve("sim-3");
        BoardSpec sim = inv.resolve("sim");
        assertThat(sim3.name()).isEqualTo("sim-3");
        assertThat(sim3.stateDirectory()).contains(tmp.resolve("state/bootrig/sim/sim-3"));
        assertThat(sim3.openocd()).isEqualTo(sim.openocd());
        assertThat(sim3.tags()).isEqualTo(sim.tags());
        assertThat(sim3.source()).contains("sim.yaml").contains("sim-3");
        assertThat(inv.resolve("sim-99").name()).isEqualTo("sim-99");
        assertThat(inv.find("sim-100")).isEmpty();
        assertThat(inv.find("sim-0")).isEmpty();
        assertThat(inv.boards()).extracting(BoardSpec::name).containsExactly("sim");
    }

    @Test
    void withoutAnyFileSimIsBuiltIn() throws Exception {
        Inventory inv = Inventory.load(home());
        BoardSpec sim = inv.resolve("sim");
        assertThat(sim.isVirtual()).isTrue();
        assertThat(sim.power()).isInstanceOf(PowerSpec.Virtual.class);
        assertThat(sim.sacrificial()).isTrue();
        assertThat(sim.wolfbootConfig()).exists();
        assertThat(sim.source()).contains("built-in");
        assertThat(inv.resolve("sim-2").stateDirectory()).contains(tmp.resolve("state/bootrig/sim/sim-2"));
    }

    @Test
    void simBoardsWithAStateDirectoryAreListed() throws Exception {
        Files.createDirectories(tmp.resolve("state/bootrig/sim/sim-4/flash"));
        Files.createDirectories(tmp.resolve("state/bootrig/sim/sim"));
        Files.createDirectories(tmp.resolve("state/bootrig/sim/other"));
        assertThat(Inventory.load(home()).simBoardsWithState()).extracting(BoardSpec::name).containsExactly("sim-4");
    }

    @Test
    void aRealBoardWithDefaults() throws Exception {
        Files.writeString(boards().resolve("bench-1.yaml"), REAL.formatted(TestHomes.lmsConfig()).replace("power: none\n", ""));
        BoardSpec b = Inventory.load(home()).resolve("bench-1");
        assertThat(b.power()).isInstanceOf(PowerSpec.None.class);
        assertThat(b.console()).isEqualTo(new ConsoleSpec.Port("tcp://rig-host:4001", SerialSettings.DEFAULT));
        assertThat(b.openocd().commands()).isEmpty();
        assertThat(b.tags()).isEmpty();
        assertThat(b.sacrificial()).isFalse();
    }

    @Test
    void wolfbootConfigIsRelativeToTheYamlFile() throws Exception {
        Files.copy(Path.of(TestHomes.lmsConfig()), tmp.resolve("my.config"));
        Files.writeString(boards().resolve("bench-1.yaml"), REAL.formatted("../my.config"));
        assertThat(Inventory.load(home()).resolve("bench-1").wolfbootConfig()).isEqualTo(tmp.resolve("my.config"));
    }

    @Test
    void anUnknownNameListsTheKnownOnes() throws Exception {
        Files.writeString(boards().resolve("bench-1.yaml"), REAL.formatted(TestHomes.lmsConfig()));
        Inventory inv = Inventory.load(home());
        assertThatThrownBy(() -> inv.resolve("bench-2")).isInstanceOf(FormatException.class)
                .hasMessageContaining(tmp.resolve("boards").toString()).hasMessageContaining("'bench-2'")
                .hasMessageContaining("bench-1, sim, sim-1 .. sim-99");
    }

    @Test
    void twoFilesForOneNameAreRefused() throws Exception {
        Files.writeString(boards().resolve("bench-1.yaml"), REAL.formatted(TestHomes.lmsConfig()));
        Files.writeString(boards().resolve("bench-1.yml"), REAL.formatted(TestHomes.lmsConfig()));
        assertThatThrownBy(() -> Inventory.load(home())).isInstanceOf(FormatException.class)
                .hasMessageContaining("bench-1.yml: name: 'bench-1' is already defined in")
                .hasMessageContaining("bench-1.yaml");
    }

    static Stream<Arguments> invalid() {
        String ok = REAL.formatted(TestHomes.lmsConfig());
        String sim = """
                name: bench-1
                kind: virtual
                console: virtual
                power: virtual
                openocd: {interface: interface/virtual-board.cfg}
                wolfboot-config: %s
                """.formatted(TestHomes.lmsConfig());
        return Stream.of(
                Arguments.of(ok + "colour: blue\n", "colour", "unknown field"),
                Arguments.of(ok.replace("name: bench-1\n", ""), "name", "missing"),
                Arguments.of(ok.replace("kind: nucleo-h563zi\n", ""), "kind", "missing"),
                Arguments.of(ok.replace("console: tcp://rig-host:4001\n", ""), "console", "missing"),
                Arguments.of(ok.replace("  interface: interface/nucleo-h563zi.cfg\n", "  commands: []\n"), "openocd.interface", "missing"),
                Arguments.of(ok.replace("openocd:\n  interface: interface/nucleo-h563zi.cfg\n", ""), "openocd", "missing"),
                Arguments.of(ok.replace("wolfboot-config: ", "x: "), "x", "unknown field"),
                Arguments.of(ok.replaceAll("wolfboot-config: .*\n", ""), "wolfboot-config", "missing"),
                Arguments.of(ok.replaceAll("wolfboot-config: .*\n", "wolfboot-config: nowhere.config\n"), "wolfboot-config", "not found"),
                Arguments.of(ok.replace("kind: nucleo-h563zi", "kind: nucleo-f429"), "kind", "expected one of virtual, nucleo-h563zi"),
                Arguments.of(ok.replace("name: bench-1", "name: [bench-1]"), "name", "expected a non-empty string, found a list"),
                Arguments.of(ok.replace("name: bench-1", "name: bench-2"), "name", "must equal the file name"),
                Arguments.of(ok.replace("stlink-serial: 0027003F3331510B33323639", "stlink-serial: 0027003"), "stlink-serial",
                        "expected a non-empty string, found the number"),
                Arguments.of(ok + "console-baud: fast\n", "console-baud", "expected a positive integer"),
                Arguments.of(ok + "console-baud: -9600\n", "console-baud", "expected a positive integer"),
                Arguments.of(ok + "console-framing: 9X1\n", "console-framing", "framing must look like 8N1"),
                Arguments.of(ok.replace("tcp://rig-host:4001", "tcp://rig-host"), "console", "HOST:PORT"),
                Arguments.of(ok.replace("console: tcp://rig-host:4001", "console: virtual"), "console", "only for kind: virtual"),
                Arguments.of(ok.replace("power: none", "power: virtual"), "power", "only for kind: virtual"),
                Arguments.of(ok.replace("power: none", "power: usb"), "power", "expected none, virtual or {command: [...]}"),
                Arguments.of(ok.replace("power: none", "power: {command: uhubctl}"), "power.command", "expected a list of strings"),
                Arguments.of(ok.replace("power: none", "power: {command: [uhubctl, -a, cycle]}"), "power.command", "{action}"),
                Arguments.of(ok.replace("power: none", "power: {command: [uhubctl, -a, on, \"{action}\"]}"), "power.command[2]",
                        "found the boolean true (quote it"),
                Arguments.of(ok.replace("power: none", "power: {command: [uhubctl, \"{action}\"], shell: true}"), "power.shell", "unknown field"),
                Arguments.of(ok.replace("power: none", "power: {command: [uhubctl, [a]]}"), "power.command[1]", "expected a non-empty string"),
                Arguments.of(ok.replace("interface/nucleo-h563zi.cfg", "interface/missing.cfg"), "openocd.interface", "not found"),
                Arguments.of(ok.replace("  interface: interface/nucleo-h563zi.cfg\n",
                        "  interface: interface/nucleo-h563zi.cfg\n  speed: 100\n"), "openocd.speed", "unknown field"),
                Arguments.of(ok.replace("  interface: interface/nucleo-h563zi.cfg\n",
                        "  interface: interface/nucleo-h563zi.cfg\n  commands: adapter speed 1\n"), "openocd.commands", "expected a list"),
                Arguments.of(ok + "tags: {sacrificial: maybe}\n", "tags.sacrificial", "expected true or false"),
                Arguments.of(ok + "tags: [a, b]\n", "tags", "expected a mapping"),
                Arguments.of(ok + "tags: {lab: {room: 3}}\n", "tags.lab", "expected a string, number or boolean"),
                Arguments.of(ok + "state-directory: /tmp/x\n", "state-directory", "only virtual boards"),
                Arguments.of(ok + "name: again\n", "YAML", "Duplicate field 'name'"),
                Arguments.of("- a\n- b\n", "document", "expected a mapping"),
                Arguments.of("", "document", "expected a mapping"),
                Arguments.of("name: [unclosed\n", "YAML", "line"),
                Arguments.of(sim.replace("console: virtual", "console: /dev/ttyACM0"), "console", "expected 'virtual'"),
                Arguments.of(sim.replace("power: virtual", "power: {command: [uhubctl, \"{action}\"]}"), "power",
                        "expected virtual or none"),
                Arguments.of(sim + "stlink-serial: ABC\n", "stlink-serial", "no ST-LINK"),
                Arguments.of(sim + "console-baud: 9600\n", "console-baud", "no line settings"),
                // found by fuzzing (BoardFileFuzzTest): YAML's "?" is a mapping with an empty key, once named by nothing
                Arguments.of("?\n", "\"\"", "unknown field"),
                Arguments.of(ok.replace("openocd:\n", "openocd:\n  '': x\n"), "openocd.\"\"", "unknown field"),
                // and a key that is a line break (a block scalar as key), once a field spanning two lines
                Arguments.of("\r\r?\r\n|+2\r\r?\r\r", "\"\\n\"", "unknown field"),
                Arguments.of(ok + "\"tab\\there \": 1\n", "\"tab\\there \"", "unknown field"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidFilesAreRefusedNamingFileAndField(String yaml, String field, String expected) throws Exception {
        Path file = boards().resolve("bench-1.yaml");
        Files.writeString(file, yaml);
        assertThatThrownBy(() -> Inventory.load(home())).isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    FormatException f = (FormatException) e;
                    assertThat(f.source()).isEqualTo(file.toString());
                    assertThat(f.field()).isEqualTo(field);
                    assertThat(f.getMessage()).startsWith(file + ": " + field + ": ").contains(expected);
                });
    }

    @Test
    void badNamesAreRefused() throws Exception {
        Path file = boards().resolve("-bad.yaml");
        Files.writeString(file, REAL.formatted(TestHomes.lmsConfig()).replace("name: bench-1", "name: -bad"));
        assertThatThrownBy(() -> Inventory.load(home())).hasMessageStartingWith(file + ": name: '-bad' must be 1-63 letters");
    }

    @Test
    void simNamesAreReservedForVirtualBoards() throws Exception {
        Path file = boards().resolve("sim-2.yaml");
        Files.writeString(file, REAL.formatted(TestHomes.lmsConfig()).replace("name: bench-1", "name: sim-2"));
        assertThatThrownBy(() -> Inventory.load(home())).hasMessageStartingWith(file + ": kind: 'sim-2' is a name reserved");
    }

    @Test
    void aVirtualBoardsStateDirectoryIsRelativeToItsFile() throws Exception {
        Files.writeString(boards().resolve("sim.yaml"), """
                name: sim
                kind: virtual
                console: virtual
                openocd: {interface: interface/virtual-board.cfg}
                wolfboot-config: %s
                state-directory: ../boards-state/sim
                """.formatted(TestHomes.lmsConfig()));
        BoardSpec sim = Inventory.load(home()).resolve("sim");
        assertThat(sim.stateDirectory()).isEqualTo(Optional.of(tmp.resolve("boards-state/sim")));
        assertThat(sim.power()).as("default for a virtual board").isInstanceOf(PowerSpec.Virtual.class);
        assertThat(sim.sacrificial()).isFalse();
    }
}
