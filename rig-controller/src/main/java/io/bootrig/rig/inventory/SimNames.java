package io.bootrig.rig.inventory;

import java.util.regex.Pattern;

/** The names reserved for virtual boards: {@code sim} and {@code sim-1} .. {@code sim-99}. */
public final class SimNames {
    public static final String SIM = "sim";
    private static final Pattern SIM_N = Pattern.compile("sim-([1-9][0-9]?)");

    private SimNames() {}

    public static boolean isSimName(String name) {
        return SIM.equals(name) || SIM_N.matcher(name).matches();
    }

    /** {@code sim-N} for N in 1..99 (not {@code sim} itself). */
    public static boolean isNumbered(String name) {
        return SIM_N.matcher(name).matches();
    }
}
