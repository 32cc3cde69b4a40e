package io.bootrig.scenarios;

/**
 * The scenario could not be set up (a guard refused, inputs unusable): an error in the "Setup failures" category,
 * neither a product verdict nor a farm problem.
 */
public final class SetupFailure extends RuntimeException {
    public SetupFailure(String message) {
        super("[setup] " + message);
    }
}
