package io.bootrig.rig.qualify;

import io.bootrig.board.firmware.FirmwareFiles;
import io.bootrig.board.firmware.FirmwareSet;
import io.bootrig.board.firmware.TestAppBehaviour;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The binaries a qualification flashes and signs: the OTP primer built with the keystore, wolfboot.bin and the
 * unsigned test application (the payload of every image signed here).
 *
 * @param payload empty when only pre-signed images are sent
 */
public record QualificationFirmware(Path primer, Path wolfBoot, Optional<Path> payload) {

    /**
     * What is given, and for a virtual board the rest built from the keystore and the config, as wolfBoot's make would
     * (into {@code dir}); a real board runs the binaries wolfBoot's make built, so all must be given.
     *
     * @param needPayload whether images are signed here
     */
    public static QualificationFirmware resolve(boolean virtualBoard, Optional<Path> primer, Optional<Path> wolfBoot,
            Optional<Path> payload, boolean needPayload, Keystore keystore, WolfBootConfig config, Path dir)
            throws QualificationInputException, IOException {
        boolean missing = primer.isEmpty() || wolfBoot.isEmpty() || (needPayload && payload.isEmpty());
        if (missing && !virtualBoard) {
            throw new QualificationInputException("a real board runs the binaries wolfBoot's make built: give the OTP "
                    + "primer (--primer otp-keystore-primer.bin), wolfboot.bin (--wolfboot)"
                    + (needPayload ? " and the unsigned test application to sign (--payload test-app.bin)" : ""));
        }
        for (Optional<Path> f : List.of(primer, wolfBoot, payload)) {
            if (f.isPresent() && !Files.isReadable(f.get())) {
                throw new QualificationInputException(f.get() + ": no such readable file");
            }
        }
        if (!missing) {
            return new QualificationFirmware(primer.get(), wolfBoot.get(), payload);
        }
        FirmwareFiles built;
        try {
            built = FirmwareSet.build(keystore, config, TestAppBehaviour.NORMAL).writeInto(Files.createDirectories(dir));
        } catch (FormatException e) {
            throw new QualificationInputException(e.getMessage(), e);
        }
        return new QualificationFirmware(primer.orElse(built.otpPrimer()), wolfBoot.orElse(built.wolfBoot()),
                Optional.of(payload.orElse(built.testApp())));
    }
}
