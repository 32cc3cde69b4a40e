package io.bootrig.rig.lease;

/** Whether a board is leased: free, held by a live process, or stale (its holder is gone). */
public sealed interface LeaseState {
    /** One line for people: "free", "held by ...", "stale: ...". */
    String describe();

    record Free() implements LeaseState {
        @Override
        public String describe() {
            return "free";
        }
    }

    record Held(LeaseRecord lease) implements LeaseState {
        @Override
        public String describe() {
            return "held by " + lease.describe();
        }
    }

    /** @param reason why the holder is taken for gone (its process died, or its heartbeat stopped) */
    record Stale(LeaseRecord lease, String reason) implements LeaseState {
        @Override
        public String describe() {
            return "stale lease of " + lease.describe() + ": " + reason;
        }
    }
}
