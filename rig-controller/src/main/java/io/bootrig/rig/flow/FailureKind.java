package io.bootrig.rig.flow;

/** Who has to act on a failed step. */
public enum FailureKind {
    /** The rig or the board farm: OpenOCD, a port, a missing board, a power switch. Retrying or fixing the rig helps. */
    INFRASTRUCTURE,
    /** The firmware or the artefacts under test: a wrong version, a rejected image, missing keys. */
    PRODUCT,
    /** A guard refused an unsafe or irreversible action before anything was written. */
    REFUSED,
    /** The inputs given to the flow are unusable (a malformed keystore, a missing file). */
    INPUT
}
