package io.bootrig.rig.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.bench.BenchBoard;
import io.bootrig.rig.bench.BenchTable;
import io.bootrig.rig.bench.CryptoBench;
import io.bootrig.rig.bench.FlashBench;
import io.bootrig.rig.bench.IdleBench;
import io.bootrig.rig.bench.ParallelBench;
import io.bootrig.rig.bench.XmodemBench;
import io.bootrig.wolfboot.AtomicFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rig bench}: the figures a board farm cares about, side by side with the peers, in one table. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure and print one table: XMODEM of a 160 KB image into the virtual board's test application "
                + "at 115200 baud (the rig's sender and lrzsz sx, same receiver, same run); flashing 512 KB through "
                + "OpenOCD (the rig's path and OpenOCD's own load_image); the rig demo flow per step; 1, 2, 4 and 8 "
                + "virtual boards in parallel (wall time, CPU, memory per board); ECC256 and LMS signatures and "
                + "verifications per second; the controller's CPU while it waits on a console.",
                "Takes a few minutes; run it on a quiet machine. Writes bench.md and bench.json in the work directory.",
                "Exit 0 = measured, 3 = a tool is missing (socat, lrzsz, openocd)."})
final class BenchCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Set<String> SECTIONS = Set.of("crypto", "flash", "xmodem", "idle", "demo", "parallel");

    @Option(names = "--only", paramLabel = "SECTION", split = ",",
            description = "some of: crypto, flash, xmodem, idle, demo, parallel (default: all)")
    List<String> only;

    @Option(names = "--parallel", paramLabel = "N", split = ",", defaultValue = "1,2,4,8",
            description = "board counts for the parallel section (default ${DEFAULT-VALUE})")
    List<Integer> parallel;

    @Option(names = "--work", paramLabel = "DIR", description = "new directory (default $XDG_STATE_HOME/bootrig/bench/TIME)")
    Path work;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> sections = only == null ? List.of("crypto", "flash", "xmodem", "idle", "demo", "parallel") : only;
        for (String s : sections) {
            if (!SECTIONS.contains(s)) {
                throw RigException.badInput("--only: '" + s + "' is not one of " + SECTIONS);
            }
        }
        for (String tool : List.of("socat", "sx")) {
            if (sections.contains("xmodem") && !onPath(tool)) {
                throw new RigException(ExitCode.INFRASTRUCTURE, tool + " is not installed; on Debian: apt-get install -y socat lrzsz");
            }
        }
        RigHome home = RigCli.of(spec).home();
        Path dir = (work != null ? work : home.stateHome().resolve("bench").resolve(LocalDateTime.now().format(STAMP)))
                .toAbsolutePath();
        Files.createDirectories(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("rig bench: work directory " + dir + "; " + Runtime.getRuntime().availableProcessors() + " cores");
        BenchTable table = new BenchTable(out);
        try {
            measure(home, dir, sections, table);
        } catch (RigException e) {
            throw e;
        } catch (Exception e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, "a benchmark could not run: " + e.getMessage()
                    + " (work directory " + dir + ")");
        }
        StringWriter md = new StringWriter();
        table.print(new PrintWriter(md));
        out.println();
        out.print(md);
        Files.writeString(dir.resolve("bench.md"), md.toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("cores", Runtime.getRuntime().availableProcessors());
        record.put("rows", table.toList());
        AtomicFiles.write(dir.resolve("bench.json"), Json.write(record).getBytes(StandardCharsets.UTF_8), false);
        out.println("table: " + dir.resolve("bench.md"));
        return ExitCode.OK;
    }

    private void measure(RigHome home, Path dir, List<String> sections, BenchTable table) throws Exception {
        if (sections.contains("crypto")) {
            CryptoBench.run(table, Files.createDirectories(dir.resolve("crypto")));
        }
        if (sections.contains("flash")) {
            try (BenchBoard board = BenchBoard.start(home, dir.resolve("flash"), "bench-flash-" + pid(), "unpaced")) {
                FlashBench.run(table, board, dir.resolve("flash"));
            }
        }
        if (sections.contains("xmodem") || sections.contains("idle")) {
            try (BenchBoard board = BenchBoard.start(home, dir.resolve("xmodem"), "bench-xmodem-" + pid(), "115200")) {
                board.provision();
                if (sections.contains("xmodem")) {
                    XmodemBench.run(table, board, dir.resolve("xmodem"));
                }
                if (sections.contains("idle")) {
                    IdleBench.run(table, board);
                }
            }
        }
        if (sections.contains("demo")) {
            demo(home, dir.resolve("demo"), table);
        }
        if (sections.contains("parallel")) {
            ParallelBench.run(table, home, dir.resolve("parallel"), parallel);
        }
    }

    /** The demo flow at 115200, per step, from its own run record. */
    private static void demo(RigHome home, Path dir, BenchTable table) throws Exception {
        StringWriter sink = new StringWriter();
        int code = RigCli.run(new String[] {"demo", "--work", dir.toString()}, home, new PrintWriter(sink),
                new PrintWriter(sink));
        if (code != 0) {
            throw new IllegalStateException("rig demo failed (exit " + code + "): " + sink);
        }
        JsonNode record = new ObjectMapper().readTree(dir.resolve("demo.json").toFile());
        table.add("demo", "rig demo (fresh board, keys, provision, update at 115200): wall time",
                record.get("seconds").asText() + " s", "", "", "LMS key generation and signing; the 115200-baud console");
        for (JsonNode t : record.get("timings")) {
            table.add("demo", "  " + t.get("phase").asText() + " / " + t.get("step").asText(),
                    String.format("%.2f s", t.get("seconds").asDouble()), "", "", "");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }
}
