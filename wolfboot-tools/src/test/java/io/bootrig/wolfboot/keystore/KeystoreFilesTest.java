package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KeystoreFilesTest {

    static final List<String> ALGORITHMS = Vectors.ALGORITHMS;

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void everyVectorFileLoadsToTheSameKeys(String alg) throws Exception {
        List<String> files = Vectors.OTP_ALGORITHMS.contains(alg)
                ? List.of("keystore.c", "keystore.der", "otp.bin") : List.of("keystore.c", "keystore.der");
        List<KeystoreSlot> reference = Vectors.keystoreC(alg).keystore().slots();

        for (String name : files) {
            Path file = Fixtures.wolfboot(alg + "/" + name);
            Keystore ks = KeystoreFiles.load(file);

            assertThat(ks.origin()).isEqualTo(file.toString());
            assertThat(ks.slots()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(ks.slots().get(i).keyMaterial()).as(name).isEqualTo(reference.get(i).keyMaterial());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void aKeystoreCNotInKeygensExactTextLoadsToTheSameKeys(String alg, @TempDir Path dir) throws Exception {
        KeystoreC reference = Vectors.keystoreC(alg);
        for (String variant : KeystoreCVariants.names()) {
            byte[] content = KeystoreCVariants.of(variant, Vectors.keystoreCText(alg)).getBytes(StandardCharsets.UTF_8);
            Path file = dir.resolve(alg + "-" + variant.replaceAll("\\W+", "-") + ".c");
            Files.write(file, content);

            assertThat(KeystoreFiles.detect(content)).as(variant).isEqualTo(KeystoreFormat.C_SOURCE);
            assertThat(KeystoreFiles.load(file).slots()).as(variant).isEqualTo(reference.keystore().slots());
            KeystoreC c = KeystoreFiles.parseC(file.toString(), content);
            assertThat(c.canonical()).as(variant).isFalse();
            assertThat(c.keystore()).isEqualTo(new Keystore(reference.keystore().slots(), file.toString()));
        }
        assertThat(KeystoreFiles.parseC("keystore.c", Vectors.keystoreCText(alg).getBytes(StandardCharsets.UTF_8))
                .canonical()).isTrue();
    }

    @Test
    void keystoreCIsRecognisedWhateverItsSpacing() {
        byte[] text = "const KEYSTORE_SECTION struct\tkeystore_slot PubKeys[1] = {};".getBytes(StandardCharsets.UTF_8);

        assertThat(KeystoreFiles.detect(text)).isEqualTo(KeystoreFormat.C_SOURCE);
    }

    @Test
    void formatIsRecognisedByContent() {
        assertThat(KeystoreFiles.detect(Vectors.keystoreCText("lms").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(KeystoreFormat.C_SOURCE);
        assertThat(KeystoreFiles.detect(Vectors.keystoreDer("lms"))).isEqualTo(KeystoreFormat.DER);
        assertThat(KeystoreFiles.detect(Vectors.otpBin("lms"))).isEqualTo(KeystoreFormat.OTP);
        assertThat(KeystoreFiles.detect(Arrays.copyOf(Vectors.otpBin("lms"), 2047))).isEqualTo(KeystoreFormat.DER);
        assertThat(KeystoreFiles.detect(new byte[0])).isEqualTo(KeystoreFormat.DER);
    }

    @Test
    void errorsNameTheFile(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("mine.c");
        Files.writeString(c, Vectors.keystoreCText("ecc256").replace("#define NUM_PUBKEYS 2", "#define NUM_PUBKEYS 9"));
        Path der = dir.resolve("mine.der");
        Files.write(der, Arrays.copyOf(Vectors.keystoreDer("ecc256"), 100));
        Path otp = dir.resolve("mine.bin");
        byte[] otpBytes = Vectors.otpBin("ecc256");
        otpBytes[8] = 0;
        otpBytes[9] = 0;
        Files.write(otp, otpBytes);

        assertError(c, "NUM_PUBKEYS");
        assertError(der, "slot[1].pubkey");
        assertError(otp, "header.item_count");
    }

    @Test
    void keystoreCMustBeUtf8(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("latin1.c");
        byte[] text = Vectors.keystoreCText("ecc256").replace("ecc256_key0_all", "clé").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(c, text);

        assertError(c, "encoding");
    }

    private static void assertError(Path file, String field) {
        assertThatThrownBy(() -> KeystoreFiles.load(file))
                .isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    assertThat(((FormatException) e).source()).isEqualTo(file.toString());
                    assertThat(((FormatException) e).field()).isEqualTo(field);
                });
    }
}
