package io.bootrig.rig.qualify;

import java.util.Locale;

/** What a qualification case proves. */
public enum CaseKind {
    /** A key signs a partition id its mask allows: taken. */
    ALLOWED_ID,
    /** A key signs a partition id its mask excludes: rejected. */
    FORBIDDEN_ID,
    /** A fresh key of the keystore's algorithm, in no slot: rejected. */
    WRONG_KEY,
    /** One payload byte flipped after signing: rejected (integrity). */
    TAMPERED_PAYLOAD,
    /** One signature byte flipped: rejected (signature). */
    BAD_SIGNATURE,
    /** Validly signed, version below the running one: not taken. */
    DOWNGRADE,
    /** Validly signed, the running version: not taken. */
    EQUAL_VERSION,
    /** An image the operator signed, with the outcome the operator expects. */
    PRE_SIGNED;

    /** "allowed-id", "wrong-key", ... for the report. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
