package io.bootrig.wolfboot.crypto;

/** A stateful hash-based key has used every one-time signature it has. */
public final class KeyExhaustedException extends Exception {
    public KeyExhaustedException(String message) {
        super(message);
    }
}
