package io.bootrig.wolfboot.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.Fixtures;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.VectorKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyFilesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ecc256", "ed25519", "rsa2048", "lms"})
    void vectorKeysYieldTheKeystorePublicKeys(String alg) throws Exception {
        byte[] der = Fixtures.wolfbootBytes(alg + "/keystore.der");
        SigningKey k0 = VectorKeys.load(alg, "key0_all", tmp);
        byte[] pub = k0.publicKey();
        assertThat(Arrays.copyOfRange(der, 16, 16 + pub.length)).isEqualTo(pub);
        assertThat(k0.authType()).isEqualTo(AuthType.byName(alg).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(value = AuthType.class, names = {"ECC256", "ECC384", "ECC521", "ED25519", "ED448", "RSA2048",
            "RSA3072", "LMS"})
    void generatedKeysLoadSignAndVerify(AuthType type) throws Exception {
        KeyGenerator.GeneratedKey g = KeyGenerator.generate(type, new LmsParameters(1, 5, 8), new SecureRandom());
        assertThat(g.publicKey()).hasSize(type.isRsa() ? g.publicKey().length : type.keystorePubkeySize());
        Path f = tmp.resolve(type + ".der");
        Files.write(f, g.privateKeyFile());
        SigningKey k = PrivateKeyFiles.load(f, Optional.of(type), false);
        assertThat(k.publicKey()).isEqualTo(g.publicKey());
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        byte[] sig = k.sign(digest);
        VerifyingKey v = PublicKeyCodec.decode(type, g.publicKey(), "gen");
        assertThat(sig).hasSize(v.signatureSize());
        assertThat(v.verify(digest, sig)).isTrue();
        digest[0] ^= 1;
        assertThat(v.verify(digest, sig)).isFalse();
        assertThat(k.toString() + k.describe()).doesNotContain(Hex.toHexString(g.privateKeyFile()).substring(0, 16));
    }

    @Test
    void aRawEccKeyWhoseFirstByteIs0x30IsStillRaw() throws Exception {
        KeyGenerator.GeneratedKey g;
        do {
            g = KeyGenerator.generate(AuthType.ECC256, null, new SecureRandom());
        } while ((g.privateKeyFile()[0] & 0xFF) != 0x30);
        Path f = tmp.resolve("ecc30.der");
        Files.write(f, g.privateKeyFile());
        assertThat(PrivateKeyFiles.load(f, Optional.empty(), false).publicKey()).isEqualTo(g.publicKey());
    }

    @Test
    void rsa4096KeysAreMadeAndUsed() throws Exception {
        KeyGenerator.GeneratedKey g = KeyGenerator.generate(AuthType.RSA4096, null, new SecureRandom());
        Path f = tmp.resolve("rsa4096.der");
        Files.write(f, g.privateKeyFile());
        SigningKey k = PrivateKeyFiles.load(f, Optional.empty(), false);
        assertThat(k.authType()).isEqualTo(AuthType.RSA4096);
        byte[] sig = k.sign(new byte[32]);
        assertThat(PublicKeyCodec.decode(AuthType.RSA4096, k.publicKey(), "k").verify(new byte[32], sig)).isTrue();
    }

    @Test
    void wrongOrInconsistentKeyFilesAreRefusedWithTheField() throws Exception {
        Path f = tmp.resolve("bad.der");
        Files.write(f, new byte[50]);
        assertThatThrownBy(() -> PrivateKeyFiles.load(f, Optional.empty(), false)).isInstanceOf(FormatException.class)
                .hasMessageContaining("bad.der").hasMessageContaining("not a wolfBoot private key");
        byte[] ecc = Fixtures.wolfbootBytes("ecc256/ecc256_key0_all.der");
        ecc[5] ^= 1;
        Files.write(f, ecc);
        assertThatThrownBy(() -> PrivateKeyFiles.load(f, Optional.empty(), false)).isInstanceOf(FormatException.class)
                .hasMessageContaining("key.public");
        Files.copy(Fixtures.wolfboot("ed25519/ed25519_key0_all.der"), f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> PrivateKeyFiles.load(f, Optional.of(AuthType.ECC256), false))
                .isInstanceOf(FormatException.class).hasMessageContaining("expected ECC256");
    }

    @Test
    void invalidPublicKeysAreRejectedByTheCodec() {
        byte[] notOnCurve = new byte[64];
        notOnCurve[0] = 1;
        assertThatThrownBy(() -> PublicKeyCodec.decode(AuthType.ECC256, notOnCurve, "ks"))
                .isInstanceOf(FormatException.class).hasMessageContaining("not a point on P-256");
        assertThatThrownBy(() -> PublicKeyCodec.decode(AuthType.ECC256, new byte[63], "ks"))
                .isInstanceOf(FormatException.class).hasMessageContaining("64 bytes");
        byte[] lms = Arrays.copyOfRange(Fixtures.wolfbootBytes("lms/keystore.der"), 16, 76);
        lms[7] = 0x42;
        assertThatThrownBy(() -> PublicKeyCodec.decode(AuthType.LMS, lms, "ks"))
                .isInstanceOf(FormatException.class).hasMessageContaining("unknown LMS parameter set");
        byte[] rsa = Arrays.copyOfRange(Fixtures.wolfbootBytes("rsa2048/keystore.der"), 16, 16 + 294);
        assertThatThrownBy(() -> PublicKeyCodec.decode(AuthType.RSA3072, rsa, "ks"))
                .isInstanceOf(FormatException.class).hasMessageContaining("3072-bit modulus");
    }
}
