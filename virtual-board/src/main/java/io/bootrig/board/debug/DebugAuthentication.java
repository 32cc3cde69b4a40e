package io.bootrig.board.debug;

/**
 * The debug authentication signals the SoC drives into the Cortex-M33 and its AHB5-AP. The board
 * sets them from the device's product state and TrustZone setting; both start enabled (an open
 * device). Thread-safe.
 */
public final class DebugAuthentication {
    private volatile boolean debugEnabled = true;
    private volatile boolean secureDebugEnabled = true;

    /** DBGEN: invasive debug (halting, and memory access through AP1) is allowed. */
    public boolean debugEnabled() {
        return debugEnabled;
    }

    public void debugEnabled(boolean enabled) {
        debugEnabled = enabled;
    }

    /** SPIDEN: secure invasive debug (secure transfers, halting in secure state) is allowed. */
    public boolean secureDebugEnabled() {
        return secureDebugEnabled;
    }

    public void secureDebugEnabled(boolean enabled) {
        secureDebugEnabled = enabled;
    }
}
