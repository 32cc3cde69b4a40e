package io.bootrig.rig.flow;

import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.config.SecureWatermark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What provisioning puts on a board.
 *
 * @param keystore       the keys the OTP must hold, as loaded from {@code keystoreSource}
 * @param expectedOtp    the 2048-byte OTP image the primer should leave (UDS excluded from comparisons)
 * @param layout         the wolfBoot .config's layout (addresses, TrustZone, header size)
 * @param primer         otp-keystore-primer built with this keystore
 * @param wolfBoot       wolfboot.bin built with this config
 * @param application    the signed test application (image_v1_signed.bin)
 * @param confirmOtp     the operator confirmed the OTP write on a board not tagged sacrificial
 * @param operatorSecwm1 SECWM1 the operator asked for, compared against what the layout needs
 * @param operatorSecwm2 SECWM2 likewise
 */
public record ProvisionInputs(Keystore keystore, KeystoreFormat keystoreFormat, String keystoreSource, byte[] expectedOtp,
        PartitionLayout layout, Path primer, Path wolfBoot, Path application, boolean confirmOtp,
        Optional<SecureWatermark> operatorSecwm1, Optional<SecureWatermark> operatorSecwm2, Duration otpWait,
        Duration bootWait) {

    public static final Duration OTP_WAIT = Duration.ofSeconds(30);
    public static final Duration BOOT_WAIT = Duration.ofSeconds(30);

    public ProvisionInputs {
        expectedOtp = expectedOtp.clone();
    }

    @Override
    public byte[] expectedOtp() {
        return expectedOtp.clone();
    }
}
