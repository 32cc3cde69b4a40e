package io.bootrig.board.firmware;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The unsigned images wolfBoot's make produces for one board: the OTP primer with keystore.c
 * compiled in ({@code make otp}), wolfBoot itself, and the test application, the payload that
 * {@code sign} turns into image_vN_signed.bin.
 */
public record FirmwareSet(VirtualFirmware otpPrimer, VirtualFirmware wolfBoot, VirtualFirmware testApp) {

    /** The three images for this keystore and config, the test application built with this behaviour. */
    public static FirmwareSet build(Keystore keystore, WolfBootConfig config, TestAppBehaviour behaviour)
            throws FormatException {
        return new FirmwareSet(FirmwareBuilds.otpPrimer(keystore, config), FirmwareBuilds.wolfBoot(config),
                FirmwareBuilds.testApp(config, behaviour));
    }

    /** Writes the images under make's names in {@code directory}, creating it if needed. */
    public FirmwareFiles writeInto(Path directory) throws IOException {
        return writeTo(FirmwareFiles.in(directory));
    }

    /** Writes the images to these files, replacing what is there. */
    public FirmwareFiles writeTo(FirmwareFiles files) throws IOException {
        write(files.otpPrimer(), otpPrimer);
        write(files.wolfBoot(), wolfBoot);
        write(files.testApp(), testApp);
        return files;
    }

    private static void write(Path file, VirtualFirmware firmware) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, firmware.encode());
    }
}
