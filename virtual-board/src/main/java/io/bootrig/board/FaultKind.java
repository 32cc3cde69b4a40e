package io.bootrig.board;

import java.util.Optional;

/** The faults the board can inject, by the names the control channel uses. */
public enum FaultKind {
    /** Power cut when the test application accepts XMODEM block N (1-based) of an update, before writing it. Argument: N. */
    POWER_CUT_AT_BLOCK("power-cut-at-block"),
    /** Power cut right after the test application's update_trigger. */
    POWER_CUT_AFTER_TRIGGER("power-cut-after-trigger"),
    /** Power cut during wolfBoot's bank swap. Argument: "staged" (before OPTSTRT) or "committed" (after it, the default). */
    POWER_CUT_DURING_SWAP("power-cut-during-swap"),
    /** Power cut right after the Nth byte from the host (counted from arming) has reached the firmware. Argument: N. */
    POWER_CUT_AFTER_BYTES("power-cut-after-bytes"),
    /**
     * Power cut right after the Nth completed flash operation (counted from arming): a quad-word
     * programmed, an erase, an OTP half-word written, an option-byte commit. Argument: N.
     */
    POWER_CUT_AFTER_FLASH_OPS("power-cut-after-flash-ops"),
    /** Every Nth byte on the console line inverted. Arguments: N, then "rx" (host to board, the default), "tx" or "both". */
    UART_CORRUPT("uart-corrupt"),
    /** Host bytes lost, each with probability RATE, drawn from java.util.Random(SEED). Arguments: RATE (0..1), SEED. */
    UART_DROP("uart-drop");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FaultKind> byLabel(String label) {
        for (FaultKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
