package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.health.HealthRecord;
import io.bootrig.rig.health.HealthRecords;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.ConsoleSpec;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.lease.LeaseRecord;
import io.bootrig.rig.lease.LeaseState;
import io.bootrig.rig.lease.Leases;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rig boards}: the inventory with each board's lease and last health check. */
@Command(name = "boards", mixinStandardHelpOptions = true,
        description = {"List the boards of the inventory (board-configs/boards/*.yaml, or RIG_BOARDS_DIR), the virtual "
                + "boards sim-N that have a state directory, who holds each board's lease, and its last health check.",
                "Exit 0 = listed, 2 = an inventory file is invalid (the message names the file and the field)."})
final class BoardsCommand implements Callable<Integer> {
    private static final String[] HEADINGS = {"NAME", "KIND", "CONSOLE", "SACRIFICIAL", "LEASE", "LAST HEALTH"};

    @Option(names = "--json", description = "print a JSON array, one object per board")
    boolean json;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Row(BoardSpec board, LeaseState lease, Optional<HealthRecord> health) {}

    @Override
    public Integer call() throws FormatException, IOException {
        RigHome home = rig.home();
        Inventory inventory = Inventory.load(home);
        Leases leases = new Leases(home);
        HealthRecords health = new HealthRecords(home);
        List<BoardSpec> boards = new ArrayList<>(inventory.boards());
        boards.addAll(inventory.simBoardsWithState());
        List<Row> rows = new ArrayList<>();
        for (BoardSpec b : boards) {
            rows.add(new Row(b, leases.status(b.name()), health.last(b.name())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows.stream().map(BoardsCommand::toJson).toList()));
        } else {
            printTable(out, rows.stream().map(BoardsCommand::cells).toList());
        }
        return ExitCode.OK;
    }

    private static String[] cells(Row r) {
        return new String[] {r.board().name(), r.board().kind().yamlName(), console(r.board()),
                r.board().sacrificial() ? "yes" : "no", lease(r.lease()),
                r.health().map(h -> h.at() + " " + h.result() + ": " + h.summary()).orElse("never")};
    }

    private static String lease(LeaseState s) {
        if (s instanceof LeaseState.Held h) {
            LeaseRecord l = h.lease();
            return "held by " + l.owner() + " pid " + l.pid() + " on " + l.host() + " since " + l.acquired();
        }
        if (s instanceof LeaseState.Stale st) {
            return "stale (" + st.lease().owner() + " pid " + st.lease().pid() + ": " + st.reason() + ")";
        }
        return "free";
    }

    private static String console(BoardSpec b) {
        return b.console() instanceof ConsoleSpec.Port p ? p.port() : "virtual";
    }

    private static void printTable(PrintWriter out, List<String[]> rows) {
        int[] width = new int[HEADINGS.length];
        for (int i = 0; i < width.length; i++) {
            width[i] = HEADINGS[i].length();
            for (String[] r : rows) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        out.println(line(HEADINGS, width));
        rows.forEach(r -> out.println(line(r, width)));
    }

    private static String line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(i == cells.length - 1 ? cells[i] : String.format("%-" + width[i] + "s  ", cells[i]));
        }
        return sb.toString().stripTrailing();
    }

    private static Map<String, Object> toJson(Row r) {
        BoardSpec b = r.board();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", b.name());
        o.put("kind", b.kind().yamlName());
        o.put("console", console(b));
        o.put("sacrificial", b.sacrificial());
        o.put("tags", b.tags());
        o.put("source", b.source());
        o.put("lease", leaseJson(r.lease()));
        o.put("health", r.health().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", h.at().toString());
            m.put("result", h.result());
            m.put("summary", h.summary());
            return m;
        }).orElse(null));
        return o;
    }

    private static Map<String, Object> leaseJson(LeaseState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        LeaseRecord l;
        if (s instanceof LeaseState.Held h) {
            m.put("state", "held");
            l = h.lease();
        } else if (s instanceof LeaseState.Stale st) {
            m.put("state", "stale");
            m.put("reason", st.reason());
            l = st.lease();
        } else {
            m.put("state", "free");
            return m;
        }
        m.put("owner", l.owner());
        m.put("pid", l.pid());
        m.put("host", l.host());
        m.put("since", l.acquired().toString());
        m.put("heartbeat", l.heartbeat().toString());
        m.put("command", l.command());
        return m;
    }
}
