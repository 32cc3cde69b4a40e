package io.bootrig.rig.cli;

import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A flow report as plain JSON values: the run record files and --json output. */
final class RunRecord {
    private RunRecord() {}

    static Map<String, Object> of(FlowReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flow", r.flow());
        m.put("board", r.board());
        m.put("dryRun", r.dryRun());
        m.put("passed", r.passed());
        r.failure().ifPresent(k -> m.put("failure", k.name().toLowerCase(Locale.ROOT)));
        r.failedStep().ifPresent(s -> m.put("failedStep", s.name()));
        m.put("started", r.started().toString());
        m.put("seconds", seconds(r.duration().toNanos()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepResult s : r.steps()) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("index", s.index());
            st.put("name", s.name());
            st.put("title", s.title());
            st.put("status", s.status().name().toLowerCase(Locale.ROOT));
            st.put("seconds", seconds(s.duration().toNanos()));
            st.put("summary", s.summary());
            s.failure().ifPresent(k -> st.put("failure", k.name().toLowerCase(Locale.ROOT)));
            st.put("writes", s.writes());
            st.put("notes", s.notes());
            steps.add(st);
        }
        m.put("steps", steps);
        m.put("results", r.results());
        return m;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }
}
