package io.bootrig.board.firmware;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the images of a {@link FirmwareSet} are. {@link #in} gives the names wolfBoot's make
 * writes: {@code otp-primer.bin} (tools/keytools/otp/otp-keystore-primer), {@code wolfboot.bin} and
 * {@code test-app.bin} (test-app/image.bin).
 */
public record FirmwareFiles(Path otpPrimer, Path wolfBoot, Path testApp) {
    public static final String OTP_PRIMER = "otp-primer.bin";
    public static final String WOLFBOOT = "wolfboot.bin";
    public static final String TEST_APP = "test-app.bin";

    public FirmwareFiles {
        Objects.requireNonNull(otpPrimer, "otpPrimer");
        Objects.requireNonNull(wolfBoot, "wolfBoot");
        Objects.requireNonNull(testApp, "testApp");
    }

    /** make's file names in {@code directory}. */
    public static FirmwareFiles in(Path directory) {
        return new FirmwareFiles(directory.resolve(OTP_PRIMER), directory.resolve(WOLFBOOT), directory.resolve(TEST_APP));
    }
}
