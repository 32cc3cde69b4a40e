package io.bootrig.rig;

import io.bootrig.wolfboot.FormatException;

/**
 * What every fuzz target of this module checks besides "no unchecked exception": a rejected input
 * gets the documented checked exception with a message to print. Plain checks (no assertion
 * library) because they run on every fuzzer execution.
 */
public final class FuzzChecks {
    private FuzzChecks() {}

    /** The exception a parser documents for bad input, naming the input and a field. */
    public static void documented(FormatException e, String source) {
        if (!source.equals(e.source())) {
            throw new AssertionError("FormatException names source '" + e.source() + "', expected '" + source + "'", e);
        }
        if (e.field() == null || e.field().isBlank() || e.problem() == null || e.problem().isBlank()) {
            throw new AssertionError("FormatException names no field or problem", e);
        }
        if (e.field().contains("\n") || e.field().contains("\r")) {
            throw new AssertionError("FormatException's field spans lines: a front end prints it on one", e);
        }
    }

    /** Any other documented exception: it has a message to print. */
    public static void documented(Exception e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(e.getClass().getSimpleName() + " without a message", e);
        }
    }

    /** A property that must hold for every input the parser accepts. */
    public static void require(boolean property, String what) {
        if (!property) {
            throw new AssertionError(what);
        }
    }
}
