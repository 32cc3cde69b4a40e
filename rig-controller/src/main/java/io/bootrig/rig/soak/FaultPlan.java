package io.bootrig.rig.soak;

import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The fault a soak cycle injects into an update, and what must hold afterwards. Drawn from a seeded random source so
 * a soak can be replayed.
 *
 * @param command        the virtual board's fault command, empty for a clean cycle
 * @param newVersionWins whether the new version must run afterwards (else the old one must)
 * @param flowPasses     whether the update flow itself must pass (faults that only slow the line)
 */
public record FaultPlan(String name, Optional<String> command, boolean newVersionWins, boolean flowPasses) {

    static final FaultPlan NONE = new FaultPlan("none", Optional.empty(), true, true);

    static FaultPlan draw(Random random, int blocks) {
        List<FaultPlan> plans = List.of(
                NONE,
                new FaultPlan("power cut at an XMODEM block", Optional.of("power-cut-at-block " + (1 + random.nextInt(blocks))),
                        false, false),
                new FaultPlan("power cut after the trigger", Optional.of("power-cut-after-trigger"), true, false),
                new FaultPlan("power cut during the swap (staged)", Optional.of("power-cut-during-swap staged"), true, false),
                new FaultPlan("power cut during the swap (committed)", Optional.of("power-cut-during-swap committed"), true,
                        false),
                new FaultPlan("UART corruption", Optional.of("uart-corrupt " + (400 + random.nextInt(800)) + " rx"), true, true));
        return plans.get(random.nextInt(plans.size()));
    }

    /** The fault command's first word, as the board lists it. */
    String kind() {
        return command.map(c -> c.split(" ")[0]).orElse("none");
    }
}
