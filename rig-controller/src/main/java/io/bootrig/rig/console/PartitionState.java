package io.bootrig.rig.console;

import java.util.Arrays;
import java.util.Optional;

/** A wolfBoot partition state as the test app names it; other wolfBoot test apps use the alternative names. */
public enum PartitionState {
    NEW(0xFF, "NEW"),
    UPDATING(0x70, "UPDATING"),
    FINAL_FLAGS(0x30, "FFLAGS", "FINAL_FLAGS"),
    TESTING(0x10, "TESTING"),
    CONFIRMED(0x00, "CONFIRMED", "SUCCESS"),
    INVALID(-1, "[Invalid state]", "UNKNOWN");

    private final int value;
    private final String[] names;

    PartitionState(int value, String... names) {
        this.value = value;
        this.names = names;
    }

    /** The trailer byte (0xFF NEW ... 0x00 CONFIRMED); -1 for INVALID. */
    public int value() {
        return value;
    }

    public static Optional<PartitionState> byName(String name) {
        String n = name.strip();
        return Arrays.stream(values()).filter(s -> Arrays.asList(s.names).contains(n)).findFirst();
    }
}
