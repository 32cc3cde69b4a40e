package io.bootrig.board.firmware;

import java.util.Optional;

/** What a virtual firmware image models; the code is stored in its descriptor. */
public enum FirmwareKind {
    /** wolfBoot's otp-keystore-primer (tools/keytools/otp): writes the keystore into OTP, then loops. */
    OTP_PRIMER(1, "otp-primer"),
    /** wolfBoot itself, built for one .config. */
    WOLFBOOT(2, "wolfboot"),
    /** wolfBoot's STM32H5 test application (test-app/app_stm32h5.c), the payload of the signed images. */
    TEST_APP(3, "test-app");

    private final int code;
    private final String label;

    FirmwareKind(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    /** The name used in file names, status output and the control channel. */
    public String label() {
        return label;
    }

    public static Optional<FirmwareKind> byCode(int code) {
        for (FirmwareKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
