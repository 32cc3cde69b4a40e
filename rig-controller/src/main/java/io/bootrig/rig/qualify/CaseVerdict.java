package io.bootrig.rig.qualify;

import java.util.Locale;

/** How one case ended. */
public enum CaseVerdict {
    /** The board did what the case expects. */
    PASS,
    /** It did not, or what it did could not be observed. */
    FAIL,
    /** The case did not run (setup failed, the board was lost, or its image cannot exist). */
    NOT_RUN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
