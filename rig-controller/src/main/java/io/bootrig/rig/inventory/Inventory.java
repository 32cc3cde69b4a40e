package io.bootrig.rig.inventory;

import io.bootrig.rig.RigHome;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The boards this rig knows: one YAML file each in {@link RigHome#boardsDirectory()}, plus the virtual boards
 * {@code sim} (sim.yaml, or a built-in equivalent) and {@code sim-1} .. {@code sim-99} (copies of sim with their own
 * name and state directory), which always resolve.
 */
public final class Inventory {
    static final String LMS_CONFIG = "stm32h5-tz-dualbank-otp-lms.config";

    private final RigHome home;
    private final Map<String, BoardSpec> boards;

    private Inventory(RigHome home, Map<String, BoardSpec> boards) {
        this.home = home;
        this.boards = boards;
    }

    /** Reads and checks every *.yaml (and *.yml) file; a missing directory is an inventory of the virtual board only. */
    public static Inventory load(RigHome home) throws FormatException {
        Path dir = home.boardsDirectory();
        Map<String, BoardSpec> boards = new TreeMap<>();
        for (Path file : files(dir)) {
            BoardSpec b = BoardFile.read(home, file);
            BoardSpec before = boards.putIfAbsent(b.name(), b);
            if (before != null) {
                throw new FormatException(b.source(), "name", "'" + b.name() + "' is already defined in " + before.source()
                        + "; expected one file per board");
            }
        }
        boards.computeIfAbsent(SimNames.SIM, n -> builtInSim(home, dir));
        return new Inventory(home, boards);
    }

    public Path directory() {
        return home.boardsDirectory();
    }

    /** Every board defined by a file, plus {@code sim}; sorted by name. */
    public List<BoardSpec> boards() {
        return List.copyOf(boards.values());
    }

    /** The board called {@code name}; {@code sim-N} (N = 1..99) is a copy of {@code sim} unless a file defines it. */
    public BoardSpec resolve(String name) throws FormatException {
        return find(name).orElseThrow(() -> new FormatException(directory().toString(), "board",
                "no board named '" + name + "'; known: " + String.join(", ", boards.keySet()) + ", sim-1 .. sim-99"));
    }

    public Optional<BoardSpec> find(String name) {
        BoardSpec b = boards.get(name);
        if (b != null) {
            return Optional.of(b);
        }
        return SimNames.isNumbered(name) ? Optional.of(simCopy(name)) : Optional.empty();
    }

    /** The {@code sim-N} boards no file defines whose state directory exists (they were started before). */
    public List<BoardSpec> simBoardsWithState() {
        Path simDir = home.stateHome().resolve("sim");
        if (!Files.isDirectory(simDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(simDir)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(n -> SimNames.isNumbered(n) && !boards.containsKey(n)).sorted()
                    .map(this::simCopy).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private BoardSpec simCopy(String name) {
        BoardSpec sim = boards.get(SimNames.SIM);
        return new BoardSpec(name, sim.kind(), sim.stlinkSerial(), sim.console(), sim.openocd(), sim.power(),
                sim.wolfbootConfig(), sim.tags(), Optional.of(home.stateHome().resolve("sim").resolve(name)),
                sim.source() + " (as " + name + ")");
    }

    private static BoardSpec builtInSim(RigHome home, Path dir) {
        return new BoardSpec(SimNames.SIM, BoardKind.VIRTUAL, Optional.empty(), new ConsoleSpec.Virtual(),
                new OpenOcdInterface("interface/virtual-board.cfg", List.of()), new PowerSpec.Virtual(),
                home.boardConfigs().resolve("wolfboot").resolve(LMS_CONFIG), Map.of("sacrificial", "true"),
                Optional.of(home.stateHome().resolve("sim").resolve(SimNames.SIM)),
                "built-in board 'sim' (no sim.yaml in " + dir + ")");
    }

    private static List<Path> files(Path dir) throws FormatException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new FormatException(dir.toString(), "board inventory", "not a directory; expected one NAME.yaml per board");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return (f.endsWith(".yaml") || f.endsWith(".yml")) && !f.startsWith(".") && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new FormatException(dir.toString(), "board inventory", "cannot list it: " + e.getMessage(), e);
        }
    }
}
