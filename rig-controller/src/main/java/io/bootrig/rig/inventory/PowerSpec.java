package io.bootrig.rig.inventory;

import java.util.List;

/** How the rig can switch a board's power. */
public sealed interface PowerSpec {
    /** No switch: power cycles are refused with a message naming the board. */
    record None() implements PowerSpec {}

    /** The virtual board's control port ({@code power off|on|cycle}). */
    record Virtual() implements PowerSpec {}

    /**
     * An external command run as an argument list (never through a shell), e.g.
     * {@code [uhubctl, -l, "1-1", -p, "2", -a, "{action}"]}; {@code {action}} becomes off, on or cycle.
     */
    record Command(List<String> template) implements PowerSpec {
        public Command {
            template = List.copyOf(template);
        }
    }
}
