package io.bootrig.board.firmware;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Misbehaviours a test application can be built with, carried as descriptor parameters so a signed
 * image keeps them: {@code NEVER_CONFIRMS=1} ({@code success} prints its text but leaves the BOOT
 * state alone) and {@code CRASHES_AT_BOOT=1} (a HardFault before the first output). Absent or any
 * other value: off.
 */
public record TestAppBehaviour(boolean neverConfirms, boolean crashesAtBoot) {
    public static final String NEVER_CONFIRMS = "NEVER_CONFIRMS";
    public static final String CRASHES_AT_BOOT = "CRASHES_AT_BOOT";
    public static final TestAppBehaviour NORMAL = new TestAppBehaviour(false, false);

    static TestAppBehaviour of(Map<String, String> parameters) {
        return new TestAppBehaviour("1".equals(parameters.get(NEVER_CONFIRMS)), "1".equals(parameters.get(CRASHES_AT_BOOT)));
    }

    /** The descriptor parameters for the flags that are on (none for {@link #NORMAL}). */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (neverConfirms) {
            parameters.put(NEVER_CONFIRMS, "1");
        }
        if (crashesAtBoot) {
            parameters.put(CRASHES_AT_BOOT, "1");
        }
        return parameters;
    }
}
