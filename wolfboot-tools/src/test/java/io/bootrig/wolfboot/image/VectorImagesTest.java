package io.bootrig.wolfboot.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.Fixtures;
import io.bootrig.wolfboot.VectorKeys;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.keystore.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VectorImagesTest {
    @TempDir
    Path tmp;

    static final Map<String, Integer> HEADER = Map.of("ecc256", 256, "ed25519", 256, "rsa2048", 512, "lms", 8192);

    static Stream<Arguments> images() throws Exception {
        return VectorKeys.ALGORITHMS.stream().flatMap(alg -> {
            try (Stream<Path> files = Files.list(Fixtures.wolfboot(alg))) {
                return files.filter(p -> p.getFileName().toString().endsWith("_signed.bin")).sorted()
                        .map(p -> Arguments.of(alg, p.getFileName().toString())).toList().stream();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("images")
    void everyVectorParsesWithWolfBootsLayout(String alg, String file) throws Exception {
        SignedImage img = SignedImage.parse(file, Fixtures.wolfbootBytes(alg + "/" + file), OptionalInt.empty());
        int expectedHeader = file.startsWith("h1024") ? 1024 : HEADER.get(alg);
        assertThat(img.headerSize()).isEqualTo(expectedHeader);
        assertThat(img.payloadSize()).isEqualTo(4096);
        assertThat(img.payload()).isEqualTo(Fixtures.wolfbootBytes("payload.bin"));
        boolean noTs = file.contains("nots");
        List<Integer> offsets = img.tlvs().stream().map(Tlv::offset).toList();
        assertThat(offsets).isEqualTo(noTs ? List.of(8, 20, 28, 68, 108) : List.of(8, 20, 32, 44, 84, 124));
        assertThat(img.tlvs().stream().map(Tlv::name).toList()).isEqualTo(noTs
                ? List.of("VERSION", "IMG_TYPE", "PUBKEY_HINT", "SHA256", "SIGNATURE")
                : List.of("VERSION", "TIMESTAMP", "IMG_TYPE", "PUBKEY_HINT", "SHA256", "SIGNATURE"));
        assertThat(img.authType()).contains(AuthType.byName(alg).orElseThrow());
        assertThat(img.partitionId().getAsInt()).isEqualTo(file.contains("id4") ? 4 : 1);
        assertThat(img.computeDigest()).hasValueSatisfying(d -> assertThat(d).isEqualTo(img.digestTlv().get().value()));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("images")
    void everyVectorGetsItsExpectedVerdict(String alg, String file) throws Exception {
        Keystore ks = VectorKeys.keystoreFromPrivateKeys(alg, tmp);
        SignedImage img = SignedImage.parse(file, Fixtures.wolfbootBytes(alg + "/" + file), OptionalInt.empty());
        Verdict v = ImageVerifier.verify(img, ks, OptionalInt.empty(), Optional.empty());
        if (file.contains("id4")) {
            assertThat(v.reason()).contains(RejectReason.PERMISSION);
            assertThat(v.slot()).hasValue(1);
        } else {
            assertThat(v.accepted()).as(v.detail()).isTrue();
            assertThat(v.slot()).hasValue(file.startsWith("key1") ? 1 : 0);
        }
    }
}
