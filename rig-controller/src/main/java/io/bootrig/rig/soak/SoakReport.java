package io.bootrig.rig.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished soak: every cycle, the board-level errors, and what leaked (processes, file descriptors, sockets held
 * afterwards that were not held before). It passed when every cycle passed and nothing leaked.
 */
public record SoakReport(int boards, int cyclesPerBoard, long seed, List<CycleOutcome> cycles, List<String> boardErrors,
        ResourceCensus before, ResourceCensus after, Duration duration) {

    public SoakReport {
        cycles = List.copyOf(cycles);
        boardErrors = List.copyOf(boardErrors);
    }

    public List<String> leakedProcesses() {
        List<String> leaked = new ArrayList<>(after.processes());
        leaked.removeAll(before.processes());
        return leaked;
    }

    public int leakedFileDescriptors() {
        return Math.max(0, after.fileDescriptors() - before.fileDescriptors());
    }

    public int leakedSockets() {
        return Math.max(0, after.sockets() - before.sockets());
    }

    public long failures() {
        return cycles.stream().filter(c -> !c.passed()).count() + boardErrors.size();
    }

    public boolean passed() {
        return failures() == 0 && leakedProcesses().isEmpty() && leakedFileDescriptors() == 0 && leakedSockets() == 0;
    }

    /** Cycles per fault kind: run, struck, failed. */
    public Map<String, int[]> byFault() {
        Map<String, int[]> m = new TreeMap<>();
        for (CycleOutcome c : cycles) {
            int[] n = m.computeIfAbsent(c.fault(), k -> new int[3]);
            n[0]++;
            n[1] += c.struck() ? 1 : 0;
            n[2] += c.passed() ? 0 : 1;
        }
        return m;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("boards", boards);
        m.put("cyclesPerBoard", cyclesPerBoard);
        m.put("seed", seed);
        m.put("seconds", duration.toMillis() / 1000.0);
        m.put("cycles", cycles.size());
        m.put("faultsInjected", cycles.stream().filter(c -> !c.fault().equals("none")).count());
        m.put("failures", failures());
        m.put("leakedProcesses", leakedProcesses());
        m.put("leakedFileDescriptors", leakedFileDescriptors());
        m.put("leakedSockets", leakedSockets());
        m.put("boardErrors", boardErrors);
        Map<String, Object> faults = new LinkedHashMap<>();
        byFault().forEach((k, v) -> faults.put(k, Map.of("cycles", v[0], "struck", v[1], "failed", v[2])));
        m.put("byFault", faults);
        m.put("cycleList", cycles.stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("board", c.board());
            x.put("cycle", c.cycle());
            x.put("fault", c.fault());
            x.put("struck", c.struck());
            x.put("versionBefore", c.versionBefore());
            x.put("versionAfter", c.versionAfter());
            x.put("stateAfter", c.stateAfter());
            x.put("seconds", c.duration().toMillis() / 1000.0);
            x.put("failure", c.failure());
            return x;
        }).toList());
        return m;
    }
}
