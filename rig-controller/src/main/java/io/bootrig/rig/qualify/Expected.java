package io.bootrig.rig.qualify;

import java.util.Locale;
import java.util.Optional;

/** What wolfBoot must do with a case's update image. */
public enum Expected {
    /** The image is taken: after the reboot it runs in TESTING and is confirmed. */
    ACCEPT,
    /** The image is not taken: the running version keeps booting, in the same state. */
    REJECT;

    /** "accept" or "reject", as the report and the command line spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Expected> byLabel(String label) {
        for (Expected e : values()) {
            if (e.label().equals(label)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
