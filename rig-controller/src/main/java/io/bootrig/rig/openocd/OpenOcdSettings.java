package io.bootrig.rig.openocd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * How to run OpenOCD for one board: the executable, script search directories, and the ordered
 * {@code -f FILE} / {@code -c COMMAND} items of its configuration. The TCL port is chosen per start;
 * gdb and telnet stay off unless a port is asked for.
 */
public record OpenOcdSettings(String executable, List<Path> searchDirs, List<Item> script, Duration readyTimeout,
        Duration callTimeout, OptionalInt gdbPort, OptionalInt telnetPort) {

    /** One configuration item, in order. */
    public sealed interface Item permits File, Command {}

    public record File(Path path) implements Item {}

    public record Command(String tcl) implements Item {}

    public OpenOcdSettings {
        searchDirs = List.copyOf(searchDirs);
        script = List.copyOf(script);
    }

    public static OpenOcdSettings of(String executable) {
        return new OpenOcdSettings(executable, List.of(), List.of(), Duration.ofSeconds(20), Duration.ofSeconds(30),
                OptionalInt.empty(), OptionalInt.empty());
    }

    public OpenOcdSettings searchDir(Path dir) {
        List<Path> d = new ArrayList<>(searchDirs);
        d.add(dir);
        return new OpenOcdSettings(executable, d, script, readyTimeout, callTimeout, gdbPort, telnetPort);
    }

    public OpenOcdSettings file(Path file) {
        return with(new File(file));
    }

    public OpenOcdSettings command(String tcl) {
        return with(new Command(tcl));
    }

    private OpenOcdSettings with(Item item) {
        List<Item> s = new ArrayList<>(script);
        s.add(item);
        return new OpenOcdSettings(executable, searchDirs, s, readyTimeout, callTimeout, gdbPort, telnetPort);
    }

    public OpenOcdSettings readyTimeout(Duration d) {
        return new OpenOcdSettings(executable, searchDirs, script, d, callTimeout, gdbPort, telnetPort);
    }

    public OpenOcdSettings callTimeout(Duration d) {
        return new OpenOcdSettings(executable, searchDirs, script, readyTimeout, d, gdbPort, telnetPort);
    }

    public OpenOcdSettings gdbPort(int port) {
        return new OpenOcdSettings(executable, searchDirs, script, readyTimeout, callTimeout, OptionalInt.of(port), telnetPort);
    }

    public OpenOcdSettings telnetPort(int port) {
        return new OpenOcdSettings(executable, searchDirs, script, readyTimeout, callTimeout, gdbPort, OptionalInt.of(port));
    }

    /** The argument list for one start with the given TCL port (never a shell string). */
    List<String> arguments(int tclPort) {
        List<String> a = new ArrayList<>();
        a.add(executable);
        for (Path d : searchDirs) {
            a.add("-s");
            a.add(d.toString());
        }
        a.add("-c");
        a.add("bindto 127.0.0.1");
        a.add("-c");
        a.add("tcl_port " + tclPort);
        a.add("-c");
        a.add("gdb_port " + (gdbPort.isPresent() ? gdbPort.getAsInt() : "disabled"));
        a.add("-c");
        a.add("telnet_port " + (telnetPort.isPresent() ? telnetPort.getAsInt() : "disabled"));
        for (Item i : script) {
            if (i instanceof File f) {
                a.add("-f");
                a.add(f.path().toString());
            } else if (i instanceof Command c) {
                a.add("-c");
                a.add(c.tcl());
            }
        }
        return a;
    }
}
