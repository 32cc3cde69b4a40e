package io.bootrig.rig.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark figures, printed as a Markdown table as they come in. */
public final class BenchTable {
    private final List<BenchRow> rows = new ArrayList<>();
    private final PrintWriter live;

    public BenchTable(PrintWriter live) {
        this.live = live;
    }

    public synchronized void add(String section, String measure, String ours, String peer, String ratio, String limit) {
        BenchRow r = new BenchRow(section, measure, ours, peer, ratio, limit);
        rows.add(r);
        live.printf("  %-10s %-52s %s%s%n", section, measure, ours, peer.isEmpty() ? "" : "  (peer " + peer + ")");
        live.flush();
    }

    public synchronized List<BenchRow> rows() {
        return List.copyOf(rows);
    }

    public synchronized void print(PrintWriter out) {
        out.println("| section | measure | bootrig | peer | ratio / reference | what limits it |");
        out.println("|---|---|---|---|---|---|");
        for (BenchRow r : rows) {
            out.printf("| %s | %s | %s | %s | %s | %s |%n", r.section(), r.measure(), r.ours(), r.peer(), r.ratio(),
                    r.limit());
        }
        out.flush();
    }

    public synchronized List<Map<String, String>> toList() {
        List<Map<String, String>> out = new ArrayList<>();
        for (BenchRow r : rows) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("section", r.section());
            m.put("measure", r.measure());
            m.put("bootrig", r.ours());
            m.put("peer", r.peer());
            m.put("ratio", r.ratio());
            m.put("limit", r.limit());
            out.add(m);
        }
        return out;
    }
}
