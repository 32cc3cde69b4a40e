package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The keystores wolfBoot's keygen made in fixtures/wolfboot/&lt;alg&gt;/. */
public final class Vectors {
    private Vectors() {}

    public static final List<String> ALGORITHMS = List.of("ecc256", "ed25519", "lms", "rsa2048");
    /** The directories that also hold an otp.bin. */
    public static final List<String> OTP_ALGORITHMS = List.of("ecc256", "lms");

    public static String keystoreCText(String alg) {
        return new String(Fixtures.wolfbootBytes(alg + "/keystore.c"), StandardCharsets.UTF_8);
    }

    public static byte[] keystoreDer(String alg) {
        return Fixtures.wolfbootBytes(alg + "/keystore.der");
    }

    public static byte[] otpBin(String alg) {
        return Fixtures.wolfbootBytes(alg + "/otp.bin");
    }

    public static KeystoreC keystoreC(String alg) {
        try {
            return KeystoreCFormat.parse(alg + "/keystore.c", keystoreCText(alg));
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
    }

    public static Keystore keystoreFromDer(String alg) {
        try {
            return KeystoreDerFormat.parse(alg + "/keystore.der", keystoreDer(alg));
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
    }
}
