package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.Fixtures;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.keystore.LintFinding.Severity;
import io.bootrig.wolfboot.otp.OtpImage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KeystoreLinterTest {

    static final List<String> ALGORITHMS = Vectors.ALGORITHMS;
    static final List<String> NOT_RSA = List.of("ecc256", "ed25519", "lms");

    private final KeystoreLinter linter = KeystoreLinter.standard();
    private final KeystoreLinter otpLinter = new KeystoreLinter(false, true);

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void everyVectorIsCleanForFlash(String alg) {
        assertThat(linter.lint(Vectors.keystoreC(alg).keystore(), KeystoreFormat.C_SOURCE)).isEmpty();
        assertThat(linter.lint(Vectors.keystoreFromDer(alg), KeystoreFormat.DER)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void aVectorKeystoreCIsCleanAsKeystoreC(String alg) {
        assertThat(linter.lint(Vectors.keystoreC(alg))).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void aKeystoreCNotInKeygensExactTextIsOneWarning(String alg) throws Exception {
        String vector = Vectors.keystoreCText(alg);
        for (String variant : KeystoreCVariants.names()) {
            String text = KeystoreCVariants.of(variant, vector);
            int line = KeystoreCStructureTest.firstEditedLine(vector, text);

            List<LintFinding> findings = linter.lint(KeystoreCFormat.parse("keystore.c", text));

            assertThat(findings).as(variant).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.slot()).isEqualTo(-1);
                assertThat(f.field()).isEqualTo("text");
                assertThat(f.message()).contains("not keygen 2.9.0's exact text from line " + line + " on",
                        "another wolfBoot version", "line " + line + ": expected");
            });
        }
    }

    @ParameterizedTest
    @FieldSource("NOT_RSA")
    void nonRsaVectorsAreCleanForOtp(String alg) {
        assertThat(otpLinter.lint(Vectors.keystoreC(alg).keystore(), KeystoreFormat.C_SOURCE)).isEmpty();
        assertThat(otpLinter.lint(Vectors.keystoreFromDer(alg), KeystoreFormat.DER)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("io.bootrig.wolfboot.keystore.Vectors#OTP_ALGORITHMS")
    void vectorOtpImagesAreClean(String alg) throws Exception {
        Keystore otp = OtpImage.parse("otp.bin", Vectors.otpBin(alg)).keystore();

        assertThat(linter.lint(otp, KeystoreFormat.OTP)).isEmpty();
    }

    @Test
    void rsaInOtpIsTheStrideQuirk() {
        for (Keystore rsa : List.of(Vectors.keystoreC("rsa2048").keystore(), Vectors.keystoreFromDer("rsa2048"))) {
            KeystoreFormat format = rsa.origin().endsWith(".der") ? KeystoreFormat.DER : KeystoreFormat.C_SOURCE;

            assertThat(otpLinter.lint(rsa, format)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.slot()).isEqualTo(-1);
                assertThat(f.field()).isEqualTo("otp");
                assertThat(f.message()).contains("every 310 bytes", "every 336", "KEYSTORE_PUBKEY_SIZE_RSA2048");
            });
        }
    }

    @Test
    void oneRsaKeyInOtpIsOnlyAWarning() {
        Keystore one = new Keystore(Vectors.keystoreC("rsa2048").keystore().slots().subList(0, 1), "t");

        assertThat(otpLinter.lint(one, KeystoreFormat.C_SOURCE)).singleElement()
                .extracting(LintFinding::severity, LintFinding::field).containsExactly(Severity.WARNING, "otp");
    }

    @Test
    void slotsOutOfOrder() {
        List<KeystoreSlot> s = Vectors.keystoreC("ecc256").keystore().slots();

        List<LintFinding> findings = linter.lint(new Keystore(List.of(s.get(1), s.get(0)), "t"), KeystoreFormat.C_SOURCE);

        assertThat(findings).extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 0, "slot_id"),
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 1, "slot_id"));
    }

    @Test
    void duplicateKey() {
        KeystoreSlot first = Vectors.keystoreC("ed25519").keystore().slots().get(0);
        KeystoreSlot again = new KeystoreSlot(1, first.keyType(), 0x2, first.pubkeySize(), first.pubkey(), "b.der");

        assertThat(linter.lint(new Keystore(List.of(first, again), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().satisfies(f -> {
                    assertThat(f).extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                            .containsExactly(Severity.ERROR, 1, "pubkey");
                    assertThat(f.message()).contains("same key as slot 0");
                });
    }

    @Test
    void eccPointNotOnTheCurve() {
        List<KeystoreSlot> s = Vectors.keystoreC("ecc256").keystore().slots();
        byte[] key = s.get(0).pubkey();
        key[63] ^= 1;
        KeystoreSlot bad = new KeystoreSlot(0, s.get(0).keyType(), s.get(0).partIdMask(), 64, key, "a.der");

        assertThat(linter.lint(new Keystore(List.of(bad, s.get(1)), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().satisfies(f -> {
                    assertThat(f).extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                            .containsExactly(Severity.ERROR, 0, "pubkey");
                    assertThat(f.message()).contains("not a point on P-256");
                });
    }

    @Test
    void mixedKeyTypesOnlyInAUniversalKeystore() {
        KeystoreSlot ecc = Vectors.keystoreC("ecc256").keystore().slots().get(0);
        KeystoreSlot ed = Vectors.keystoreC("ed25519").keystore().slots().get(1);
        Keystore mixed = new Keystore(List.of(ecc, ed), "t");

        assertThat(linter.lint(mixed, KeystoreFormat.C_SOURCE)).singleElement().satisfies(f -> {
            assertThat(f).extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                    .containsExactly(Severity.ERROR, 1, "key_type");
            assertThat(f.message()).contains("ED25519", "ECC256", "universal");
        });
        assertThat(new KeystoreLinter(true, false).lint(mixed, KeystoreFormat.C_SOURCE)).isEmpty();
    }

    @Test
    void tooManyKeysForTheOtp() {
        Keystore fits = eccKeystore(24);
        Keystore tooMany = eccKeystore(25);

        assertThat(otpLinter.lint(fits, KeystoreFormat.C_SOURCE)).isEmpty();
        assertThat(linter.lint(tooMany, KeystoreFormat.C_SOURCE)).isEmpty();
        assertThat(otpLinter.lint(tooMany, KeystoreFormat.C_SOURCE)).singleElement().satisfies(f -> {
            assertThat(f).extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                    .containsExactly(Severity.ERROR, -1, "otp");
            assertThat(f.message()).contains("25 keys of 80 bytes need 2000 bytes", "at most 24");
        });
    }

    @Test
    void masksThatVerifyNothing() {
        List<KeystoreSlot> s = Vectors.keystoreC("lms").keystore().slots();
        KeystoreSlot zero = withMask(s.get(1), 0);
        KeystoreSlot high = withMask(s.get(1), 0x00010000L);

        assertThat(linter.lint(new Keystore(List.of(s.get(0), zero), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().extracting(LintFinding::slot, LintFinding::field, LintFinding::message)
                .containsExactly(1, "part_id_mask", "0x00000000 allows no partition id: the key can verify nothing");
        assertThat(linter.lint(new Keystore(List.of(s.get(0), high), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().extracting(LintFinding::slot, LintFinding::field).containsExactly(1, "part_id_mask");
    }

    @Test
    void noKeyForTheApplication() {
        List<KeystoreSlot> s = Vectors.keystoreC("lms").keystore().slots();
        Keystore selfUpdateOnly = new Keystore(List.of(withMask(s.get(0), 0x1), withMask(s.get(1), 0x4)), "t");

        assertThat(linter.lint(selfUpdateOnly, KeystoreFormat.C_SOURCE)).singleElement()
                .extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                .containsExactly(Severity.WARNING, -1, "part_id_mask");
    }

    @Test
    void pubkeySizeFollowsTheFileFormat() {
        assertThat(linter.lint(Vectors.keystoreC("rsa2048").keystore(), KeystoreFormat.DER))
                .extracting(LintFinding::slot, LintFinding::field, LintFinding::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "pubkey_size",
                                "294, expected 320: keystore.der slots are KEYSTORE_PUBKEY_SIZE_RSA2048 long"),
                        org.assertj.core.groups.Tuple.tuple(1, "pubkey_size",
                                "294, expected 320: keystore.der slots are KEYSTORE_PUBKEY_SIZE_RSA2048 long"));
        assertThat(linter.lint(Vectors.keystoreFromDer("rsa2048"), KeystoreFormat.C_SOURCE))
                .extracting(LintFinding::field).containsExactly("pubkey_size", "pubkey_size");
        assertThat(linter.lint(Vectors.keystoreFromDer("ed25519"), KeystoreFormat.C_SOURCE)).isEmpty();
    }

    @Test
    void unknownAndUncheckedKeyTypes() {
        KeystoreSlot ecc = Vectors.keystoreC("ecc256").keystore().slots().get(0);
        KeystoreSlot unknown = new KeystoreSlot(0, 0x42, ecc.partIdMask(), 64, ecc.pubkey(), "a.der");
        KeystoreSlot xmss = new KeystoreSlot(0, AuthType.XMSS.code(), ecc.partIdMask(), 68, new byte[68], "x.der");

        assertThat(linter.lint(new Keystore(List.of(unknown), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().extracting(LintFinding::severity, LintFinding::field)
                .containsExactly(Severity.ERROR, "key_type");
        assertThat(linter.lint(new Keystore(List.of(xmss), "t"), KeystoreFormat.C_SOURCE))
                .singleElement().extracting(LintFinding::severity, LintFinding::field)
                .containsExactly(Severity.WARNING, "pubkey");
    }

    @Test
    void anEmptyKeystore() {
        assertThat(linter.lint(new Keystore(List.of(), "t"), KeystoreFormat.DER)).singleElement()
                .extracting(LintFinding::severity, LintFinding::slot, LintFinding::field)
                .containsExactly(Severity.ERROR, -1, "slots");
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void summaryListsPartitionsAndTheFingerprintImagesCarryAsHint(String alg) {
        List<SlotSummary> summary = SlotSummary.of(Vectors.keystoreC(alg).keystore());

        assertThat(summary).hasSize(2);
        assertThat(summary.get(0).keyType()).isEqualTo(AuthType.byName(alg).orElseThrow().wolfBootName());
        assertThat(summary.get(0).maskHex()).isEqualTo("0xFFFFFFFF");
        assertThat(summary.get(0).allowedPartitionIds()).isEqualTo(IntStream.range(0, 16).boxed().toList());
        assertThat(summary.get(0).allowedPartitions())
                .startsWith("0 (wolfBoot self-update), 1 (application), 2, 3, 4").endsWith(", 15");
        assertThat(summary.get(1).allowedPartitionIds()).containsExactly(1, 2, 3);
        assertThat(summary.get(1).allowedPartitions()).isEqualTo("1 (application), 2, 3");
        assertThat(containsHex(Fixtures.wolfbootBytes(alg + "/key0_v1_signed.bin"), summary.get(0).fingerprint()))
                .isTrue();
        assertThat(containsHex(Fixtures.wolfbootBytes(alg + "/key1_id1_v1_signed.bin"), summary.get(1).fingerprint()))
                .isTrue();
        assertThat(SlotSummary.of(Vectors.keystoreFromDer(alg))).isEqualTo(summary);
    }

    @Test
    void summaryOfAMaskWithNoPartition() {
        KeystoreSlot s = withMask(Vectors.keystoreC("lms").keystore().slots().get(0), 0);

        assertThat(SlotSummary.of(new Keystore(List.of(s), "t")).get(0).allowedPartitions()).isEqualTo("none");
    }

    private static boolean containsHex(byte[] haystack, String hex) {
        byte[] needle = HexFormat.of().parseHex(hex);
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static KeystoreSlot withMask(KeystoreSlot s, long mask) {
        return new KeystoreSlot(s.slotId(), s.keyType(), mask, s.pubkeySize(), s.pubkey(), s.source());
    }

    /** n distinct valid P-256 keys, k·G for k = 1000, 1001, … */
    static Keystore eccKeystore(int n) {
        var g = CustomNamedCurves.getByName("P-256").getG();
        List<KeystoreSlot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] encoded = g.multiply(BigInteger.valueOf(1000 + i)).normalize().getEncoded(false);
            slots.add(new KeystoreSlot(i, AuthType.ECC256.code(), KeystoreSlot.KEY_VERIFY_ALL, 64,
                    Arrays.copyOfRange(encoded, 1, 65), "k" + i + ".der"));
        }
        return new Keystore(slots, "t");
    }
}
