package io.bootrig.rig.qualify;

import io.bootrig.rig.flow.FlowReport;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the board did with a case's image, from the update flow's results: the version and state 'info' showed after
 * the reboot, and whether the image was taken — the version, the BOOT state or the bank swap changed.
 *
 * @param confirmed the state after 'success', when the flow confirmed the new version
 */
public record Observation(OptionalLong versionAfter, Optional<String> stateAfter, Optional<Boolean> banksSwapped,
        Optional<Boolean> taken, Optional<String> confirmed) {

    static final Observation NONE = new Observation(OptionalLong.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    static Observation of(FlowReport update) {
        var r = update.results();
        if (!(r.get("versionAfter") instanceof Long after) || !(r.get("versionBefore") instanceof Long before)) {
            return NONE;
        }
        Object swappedBefore = r.get("banksSwappedBefore");
        Object swappedAfter = r.get("banksSwappedAfter");
        boolean taken = after.longValue() != before.longValue() || !Objects.equals(r.get("stateAfter"), r.get("stateBefore"))
                || (swappedBefore != null && swappedAfter != null && !swappedBefore.equals(swappedAfter));
        return new Observation(OptionalLong.of(after), Optional.ofNullable((String) r.get("stateAfter")),
                Optional.ofNullable((Boolean) swappedAfter), Optional.of(taken),
                Optional.ofNullable((String) r.get("stateConfirmed")));
    }

    /** "v3 TESTING, confirmed (taken)", "v2 CONFIRMED (not taken)", or "not observed". */
    public String describe() {
        if (versionAfter.isEmpty()) {
            return "not observed";
        }
        return "v" + versionAfter.getAsLong() + " " + stateAfter.orElse("?") + (confirmed.isPresent() ? ", confirmed" : "")
                + (taken.orElse(false) ? " (taken)" : " (not taken)");
    }
}
