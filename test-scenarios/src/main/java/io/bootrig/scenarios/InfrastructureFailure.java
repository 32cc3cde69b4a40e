package io.bootrig.scenarios;

/**
 * The rig or the farm failed (OpenOCD, a port, power, a lease), not the product: JUnit reports it as an error and
 * Allure as broken, in the "Infrastructure failures" category. Surefire runs such a test once more.
 */
public final class InfrastructureFailure extends RuntimeException {
    public InfrastructureFailure(String message) {
        super("[infrastructure] " + message);
    }

    public InfrastructureFailure(String message, Throwable cause) {
        super("[infrastructure] " + message, cause);
    }
}
