package io.bootrig.rig.flow;

import io.bootrig.rig.xmodem.SenderSettings;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.keystore.Keystore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What an update sends and what it expects.
 *
 * @param image     the signed update image
 * @param keystore  the keystore the board holds, when known: the image's verdict is then predicted and reported
 * @param expect    whether the board should boot the new image or keep running its current one
 * @param confirm   after the new version boots in TESTING, run {@code success} and check CONFIRMED
 * @param messageWait how long the application may take to print each expected message
 */
public record UpdateInputs(Path image, PartitionLayout layout, Optional<Keystore> keystore, Expectation expect,
        boolean confirm, SenderSettings xmodem, Duration bootWait, Duration messageWait) {

    public static final Duration MESSAGE_WAIT = Duration.ofSeconds(20);

    public UpdateInputs(Path image, PartitionLayout layout, Optional<Keystore> keystore, Expectation expect,
            boolean confirm, SenderSettings xmodem, Duration bootWait) {
        this(image, layout, keystore, expect, confirm, xmodem, bootWait, MESSAGE_WAIT);
    }

    public enum Expectation {
        /** The new version boots in TESTING (and is confirmed if asked). */
        ACCEPTED,
        /** wolfBoot refuses or ignores the image: the current version keeps booting. */
        REFUSED
    }

    public static final Duration BOOT_WAIT = Duration.ofSeconds(30);

    /** The test application's receiver: 128-byte checksum blocks, a NAK every second until the first block. */
    public static SenderSettings testAppXmodem() {
        return SenderSettings.defaults().withStartTimeout(Duration.ofSeconds(30));
    }

    /** The same receiver when a fault may cut the board's power mid-transfer: a silent board fails the send in seconds. */
    public static SenderSettings impatientXmodem() {
        return testAppXmodem().withResponseTimeout(Duration.ofMillis(1500)).withMaxTransmissions(3)
                .withEot(Duration.ofMillis(1500), 3);
    }
}
