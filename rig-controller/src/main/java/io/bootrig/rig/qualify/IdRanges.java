package io.bootrig.rig.qualify;

import java.util.ArrayList;
import java.util.List;

/** Partition ids as a person reads them: "0..15", "1, 2, 3", "0, 4..15", "none". */
final class IdRanges {
    private IdRanges() {}

    static String format(List<Integer> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        int start = ids.get(0);
        int prev = start;
        for (int i = 1; i <= ids.size(); i++) {
            if (i < ids.size() && ids.get(i) == prev + 1) {
                prev = ids.get(i);
                continue;
            }
            parts.add(prev - start >= 3 ? start + ".." + prev : join(start, prev));
            if (i < ids.size()) {
                start = ids.get(i);
                prev = start;
            }
        }
        return String.join(", ", parts);
    }

    private static String join(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int id = from; id <= to; id++) {
            out.add(Integer.toString(id));
        }
        return String.join(", ", out);
    }
}
