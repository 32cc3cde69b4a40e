package io.bootrig.wolfboot.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.Fixtures;
import io.bootrig.wolfboot.VectorKeys;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.LmsPrivateKey;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.keystore.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageSignerTest {
    @TempDir
    Path tmp;

    final byte[] payload = Fixtures.wolfbootBytes("payload.bin");

    private static long vectorTimestamp(String alg, String file) throws Exception {
        return SignedImage.parse(file, Fixtures.wolfbootBytes(alg + "/" + file), OptionalInt.empty()).timestamp()
                .getAsLong();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "rsa2048"})
    void deterministicAlgorithmsReproduceTheVectorsByteForByte(String alg) throws Exception {
        SigningKey k0 = VectorKeys.load(alg, "key0_all", tmp);
        SigningKey k1 = VectorKeys.load(alg, "key1_id123", tmp);
        int hdr = alg.equals("rsa2048") ? 512 : 256;
        assertThat(ImageSigner.sign(payload, k0, SignRequest.of(3, OptionalLong.empty()).withHeaderSize(hdr)))
                .isEqualTo(Fixtures.wolfbootBytes(alg + "/key0_v3_nots_signed.bin"));
        long ts = vectorTimestamp(alg, "key0_v1_signed.bin");
        assertThat(ImageSigner.sign(payload, k0, SignRequest.of(1, OptionalLong.of(ts)).withHeaderSize(hdr)))
                .isEqualTo(Fixtures.wolfbootBytes(alg + "/key0_v1_signed.bin"));
        assertThat(ImageSigner.sign(payload, k1, SignRequest.of(1, OptionalLong.of(ts)).withHeaderSize(hdr)
                .withPartitionId(4))).isEqualTo(Fixtures.wolfbootBytes(alg + "/key1_id4_v1_signed.bin"));
    }

    @Test
    void rsaDigestInfoVariantReproducesRsa2048enc() throws Exception {
        Path key = VectorKeys.copyKey("rsa2048", "key0_all", tmp);
        SigningKey k = PrivateKeyFiles.load(key, Optional.empty(), true);
        long ts = vectorTimestamp("rsa2048", "key0_v1_rsa2048enc_signed.bin");
        assertThat(ImageSigner.sign(payload, k, SignRequest.of(1, OptionalLong.of(ts))))
                .isEqualTo(Fixtures.wolfbootBytes("rsa2048/key0_v1_rsa2048enc_signed.bin"));
    }

    @Test
    void lmsKeyRewoundToItsFirstIndexReproducesWolfBootsSignaturesAndAdvances() throws Exception {
        Path key = VectorKeys.copyKey("lms", "key0_all", tmp);
        LmsPrivateKey state = LmsPrivateKey.parse("k", Files.readAllBytes(key));
        assertThat(state.q()).isEqualTo(3);
        Files.write(key, state.withQ(0).encode());
        SigningKey k = PrivateKeyFiles.load(key, Optional.empty(), false);
        long ts = vectorTimestamp("lms", "key0_v1_signed.bin");
        SignRequest req = SignRequest.of(1, OptionalLong.of(ts)).withHeaderSize(8192);
        assertThat(ImageSigner.sign(payload, k, req)).isEqualTo(Fixtures.wolfbootBytes("lms/key0_v1_signed.bin"));
        assertThat(ImageSigner.sign(payload, k, SignRequest.of(2, OptionalLong.of(ts)).withHeaderSize(8192)))
                .isEqualTo(Fixtures.wolfbootBytes("lms/key0_v2_signed.bin"));
        assertThat(ImageSigner.sign(payload, k, SignRequest.of(3, OptionalLong.empty()).withHeaderSize(8192)))
                .isEqualTo(Fixtures.wolfbootBytes("lms/key0_v3_nots_signed.bin"));
        assertThat(LmsPrivateKey.parse("k", Files.readAllBytes(key)).q()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecc256", "ed25519", "rsa2048", "lms"})
    void imagesSignedHereVerifyWithTheVectorKeystore(String alg) throws Exception {
        Keystore ks = VectorKeys.keystoreFromPrivateKeys(alg, tmp.resolve("ks"));
        SigningKey k1 = VectorKeys.load(alg, "key1_id123", Files.createDirectory(tmp.resolve("k")));
        for (int id : new int[] {1, 2, 3, 0, 4}) {
            byte[] out = ImageSigner.sign(payload, k1, SignRequest.of(7, OptionalLong.of(1234)).withPartitionId(id)
                    .withHeaderSize(alg.equals("lms") ? 8192 : 1024));
            Verdict v = ImageVerifier.verify(SignedImage.parse("x", out, OptionalInt.empty()), ks, OptionalInt.empty(),
                    Optional.empty());
            if (id >= 1 && id <= 3) {
                assertThat(v.accepted()).as(v.detail()).isTrue();
            } else {
                assertThat(v.reason()).contains(RejectReason.PERMISSION);
            }
        }
    }

    @Test
    void defaultHeaderSizesFollowTheSignTool() throws Exception {
        assertThat(ImageSigner.headerSize(VectorKeys.load("ecc256", "key0_all", tmp), SignRequest.of(1, OptionalLong.empty())))
                .isEqualTo(256);
        assertThat(ImageSigner.headerSize(VectorKeys.load("rsa2048", "key0_all", tmp), SignRequest.of(1, OptionalLong.empty())))
                .isEqualTo(512);
        SigningKey lms = VectorKeys.load("lms", "key0_all", tmp);
        assertThat(ImageSigner.headerSize(lms, SignRequest.of(1, OptionalLong.empty()))).isEqualTo(5288);
        assertThat(ImageSigner.headerSize(lms, SignRequest.of(1, OptionalLong.empty()).withHeaderSize(8192))).isEqualTo(8192);
    }

    @Test
    void sha384ImagesCarrySha384DigestAndHint() throws Exception {
        Keystore ks = VectorKeys.keystoreFromPrivateKeys("ecc256", tmp.resolve("ks"));
        SigningKey k0 = VectorKeys.load("ecc256", "key0_all", Files.createDirectory(tmp.resolve("k")));
        byte[] out = ImageSigner.sign(payload, k0, SignRequest.of(2, OptionalLong.empty()).withHash(HashAlgorithm.SHA384));
        SignedImage img = SignedImage.parse("x", out, OptionalInt.empty());
        assertThat(img.digestTlv().get().tag()).isEqualTo(TlvTag.SHA384);
        assertThat(img.pubkeyHint().get()).hasSize(48);
        assertThat(ImageVerifier.verify(img, ks, OptionalInt.empty(), Optional.empty()).accepted()).isTrue();
    }

    @Test
    void customTlvsAreAlignedAndSurviveParsing() throws Exception {
        Keystore ks = VectorKeys.keystoreFromPrivateKeys("ed25519", tmp.resolve("ks"));
        SigningKey k0 = VectorKeys.load("ed25519", "key0_all", Files.createDirectory(tmp.resolve("k")));
        byte[] out = ImageSigner.sign(payload, k0, SignRequest.of(2, OptionalLong.empty()).withCustomTlvs(
                java.util.List.of(new SignRequest.CustomTlv(0x30, new byte[] {1, 2, 3}),
                        new SignRequest.CustomTlv(0x1234, "hello".getBytes()))));
        SignedImage img = SignedImage.parse("x", out, OptionalInt.empty());
        assertThat(img.find(0x30).get().value()).containsExactly(1, 2, 3);
        assertThat(img.find(0x1234).get().offset() % 8).isEqualTo(4);
        assertThat(img.find(0x1234).get().name()).isEqualTo("CUSTOM");
        assertThat(ImageVerifier.verify(img, ks, OptionalInt.empty(), Optional.empty()).accepted()).isTrue();
        assertThatThrownBy(() -> new SignRequest.CustomTlv(0x20, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignRequest.CustomTlv(0x30FF, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderTooSmallIsRefusedBeforeAStatefulKeyIsSpent() throws Exception {
        Path key = VectorKeys.copyKey("lms", "key0_all", tmp);
        SigningKey k = PrivateKeyFiles.load(key, Optional.empty(), false);
        assertThatThrownBy(() -> ImageSigner.sign(payload, k, SignRequest.of(1, OptionalLong.empty()).withHeaderSize(1024)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
        assertThat(LmsPrivateKey.parse("k", Files.readAllBytes(key)).q()).isEqualTo(3);
    }
}
