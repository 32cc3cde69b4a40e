package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** keystore.c files keygen 2.9.0 did not write byte for byte, read through KeystoreCFormat.parse. */
class KeystoreCStructureTest {

    static Stream<Arguments> vectorVariants() {
        List<Arguments> out = new ArrayList<>();
        for (String alg : Vectors.ALGORITHMS) {
            for (String variant : KeystoreCVariants.names()) {
                out.add(Arguments.of(alg, variant));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("vectorVariants")
    void aVariantHoldsTheVectorsKeysAndEmitsTheVector(String alg, String variant) throws Exception {
        String vector = Vectors.keystoreCText(alg);
        String text = KeystoreCVariants.of(variant, vector);
        KeystoreC original = Vectors.keystoreC(alg);

        KeystoreC parsed = KeystoreCFormat.parse(alg + "/keystore.c", text);

        assertThat(parsed.keystore()).isEqualTo(original.keystore());
        assertThat(parsed.lastAlgorithm()).isEqualTo(original.lastAlgorithm());
        assertThat(parsed.canonical()).isFalse();
        assertThat(parsed.deviation()).hasValueSatisfying(d -> assertThat(d.line()).isEqualTo(firstEditedLine(vector, text)));
        assertThat(KeystoreCFormat.emit(parsed)).isEqualTo(vector);
    }

    @Test
    void theDeviationSaysWhatTheExactParserFound() throws Exception {
        String text = Vectors.keystoreCText("ed25519").replace("\n", "\r\n");

        KeystoreC.Deviation d = KeystoreCFormat.parse("ks.c", text).deviation().orElseThrow();

        assertThat(d.line()).isEqualTo(1);
        assertThat(d.detail()).startsWith("banner: line 1: expected").contains("CRLF");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUM_PUBKEYS 3                | #define NUM_PUBKEYS 2         | #define NUM_PUBKEYS 3                 | NUM_PUBKEYS
            only the NO_SIGN NUM_PUBKEYS | #define NUM_PUBKEYS 2         | ''                                    | NUM_PUBKEYS
            NUM_PUBKEYS not a number     | #define NUM_PUBKEYS 2         | #define NUM_PUBKEYS two               | NUM_PUBKEYS
            NUM_PUBKEYS beyond u32       | #define NUM_PUBKEYS 2         | #define NUM_PUBKEYS 0x100000000       | NUM_PUBKEYS
            dimension not NUM_PUBKEYS    | PubKeys[NUM_PUBKEYS]          | PubKeys[3]                            | NUM_PUBKEYS
            undefined dimension          | PubKeys[NUM_PUBKEYS]          | PubKeys[NUM_KEYS]                     | NUM_PUBKEYS
            pubkey_size off by one       | .pubkey_size = 64,            | .pubkey_size = 0x41,                  | slot[0].pubkey_size
            pubkey_size not a number     | .pubkey_size = 64,            | .pubkey_size = 6x4,                   | slot[0].pubkey_size
            pubkey_size an expression    | .pubkey_size = 64,            | .pubkey_size = 32 + 32,               | slot[0].pubkey_size
            one key byte too many        | 0x46, 0xb2                    | 0x46, 0x00, 0xb2                      | slot[0].pubkey_size
            unknown key type             | AUTH_KEY_ECC256,              | AUTH_KEY_ECC257,                      | slot[0].key_type
            key type neither             | AUTH_KEY_ECC256,              | "ECC256",                             | slot[0].key_type
            mask beyond u32 in hex       | .part_id_mask = 0xFFFFFFFF,   | .part_id_mask = 0x100000000,          | slot[0].part_id_mask
            mask beyond u32 in decimal   | .part_id_mask = 0xFFFFFFFF,   | .part_id_mask = 4294967296UL,         | slot[0].part_id_mask
            mask with a bad suffix       | .part_id_mask = 0xFFFFFFFF,   | .part_id_mask = 0xFFFFFFFFUU,         | slot[0].part_id_mask
            negative slot id             | .slot_id = 0,                 | .slot_id = -1,                        | slot[0].slot_id
            slot id not octal            | .slot_id = 0,                 | .slot_id = 08,                        | slot[0].slot_id
            slot id beyond u32           | .slot_id = 0,                 | .slot_id = 0xFFFFFFFFF,               | slot[0].slot_id
            slot id missing              | .slot_id = 0,                 | ''                                    | slot[0].slot_id
            key type missing             | .key_type = AUTH_KEY_ECC256,  | ''                                    | slot[0].key_type
            mask missing                 | .part_id_mask = 0xFFFFFFFF,   | ''                                    | slot[0].part_id_mask
            pubkey_size missing          | .pubkey_size = 64,            | ''                                    | slot[0].pubkey_size
            pubkey_size given twice      | .pubkey_size = 64,            | .pubkey_size = 64, .pubkey_size = 64, | slot[0].pubkey_size
            unknown field                | .slot_id = 0,                 | .slot = 0,                            | slot[0]
            positional initializer       | .slot_id = 0,                 | 0,                                    | slot[0]
            key byte beyond 0xff         | 0x46, 0xb2                    | 0x146, 0xb2                           | slot[0].pubkey
            missing comma                | 0x46, 0xb2                    | 0x46 0xb2                             | slot[0].pubkey
            unknown guard algorithm      | KEYSTORE_PUBKEY_SIZE_ECC256)  | KEYSTORE_PUBKEY_SIZE_ECC999)          | last_algorithm
            no PubKeys array             | PubKeys[NUM_PUBKEYS]          | Keys[NUM_PUBKEYS]                     | PubKeys
            no semicolon after PubKeys   | '};'                          | '}'                                   | PubKeys
            unclosed comment             | /* WOLFBOOT_NO_SIGN */        | /* WOLFBOOT_NO_SIGN                   | comment
            missing #endif               | #endif /* WOLFBOOT_NO_SIGN */ | ''                                    | #if
            unclosed brace in the API    | (void)id;                     | (void)id; {                           | brackets
            """)
    void anInconsistencyIsReportedWithItsField(String what, String from, String to, String field) {
        String text = KeystoreCVariants.of("CRLF", Vectors.keystoreCText("ecc256"));
        assertThat(text).contains(from);

        assertThatThrownBy(() -> KeystoreCFormat.parse("ks.c", text.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to))))
                .isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    assertThat(((FormatException) e).field()).isEqualTo(field);
                    assertThat(((FormatException) e).source()).isEqualTo("ks.c");
                });
    }

    @Test
    void noPubKeysIsNotAKeystore() {
        assertThatThrownBy(() -> KeystoreCFormat.parse("x.c", "struct keystore_slot;\nint main(void) { return 0; }\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("PubKeys: not a wolfBoot keystore.c");
    }

    @Test
    void aSecondSlotsFieldIsNamedWithItsIndex() {
        String text = KeystoreCVariants.of("re-indented with tabs", Vectors.keystoreCText("lms"));
        int second = text.indexOf(".pubkey_size = 60,", text.indexOf(".slot_id = 1,"));
        String edited = text.substring(0, second) + ".pubkey_size = 61," + text.substring(second + 18);

        assertThatThrownBy(() -> KeystoreCFormat.parse("ks.c", edited))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("slot[1].pubkey_size: declares 61 bytes but .pubkey holds 60");
    }

    @Test
    void withoutKeyCommentsTheSlotsHaveNoSourceAndCannotBeReEmitted() throws Exception {
        String text = Vectors.keystoreCText("ecc256").replaceAll("/\\* Key associated to file '[^']*' \\*/", "");

        KeystoreC parsed = KeystoreCFormat.parse("ks.c", text);

        assertThat(parsed.keystore().slots()).extracting(KeystoreSlot::source).containsOnlyNulls();
        assertThat(parsed.keystore().slots()).extracting(KeystoreSlot::keyMaterial)
                .containsExactlyElementsOf(Vectors.keystoreC("ecc256").keystore().slots().stream()
                        .map(KeystoreSlot::keyMaterial).toList());
        assertThatThrownBy(() -> KeystoreCFormat.emit(parsed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
    }

    @Test
    void withoutTheGuardTheLastKeysTypeIsTheLastAlgorithm() throws Exception {
        String text = Vectors.keystoreCText("ed25519")
                .replace("KEYSTORE_PUBKEY_SIZE != KEYSTORE_PUBKEY_SIZE_ED25519", "0")
                .replace("AUTH_KEY_ED25519", "1U");

        KeystoreC parsed = KeystoreCFormat.parse("ks.c", text);

        assertThat(parsed.lastAlgorithm()).isEqualTo(AuthType.ED25519);
        assertThat(parsed.keystore()).isEqualTo(new Keystore(Vectors.keystoreC("ed25519").keystore().slots(), "ks.c"));
        assertThat(KeystoreCFormat.emit(parsed)).isEqualTo(Vectors.keystoreCText("ed25519"));
    }

    @Test
    void withoutTheGuardAnUnknownLastKeyTypeIsAnError() {
        String text = Vectors.keystoreCText("ed25519")
                .replace("KEYSTORE_PUBKEY_SIZE != KEYSTORE_PUBKEY_SIZE_ED25519", "0")
                .replace("AUTH_KEY_ED25519", "0x55");

        assertThatThrownBy(() -> KeystoreCFormat.parse("ks.c", text))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo("last_algorithm");
    }

    @Test
    void anUnknownNumericKeyTypeIsKeptForTheLinter() throws Exception {
        String text = Vectors.keystoreCText("ecc256").replaceFirst("AUTH_KEY_ECC256", "0x55");

        KeystoreC parsed = KeystoreCFormat.parse("ks.c", text);

        assertThat(parsed.keystore().slots().get(0).keyType()).isEqualTo(0x55);
        assertThat(KeystoreLinter.standard().lint(parsed)).extracting(LintFinding::field).contains("key_type");
        assertThatThrownBy(() -> KeystoreCFormat.emit(parsed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyBytesMayBeDecimalAndTheDimensionANumber() throws Exception {
        String text = Pattern.compile("0x([0-9a-f]{2})([,\\n])").matcher(Vectors.keystoreCText("lms"))
                .replaceAll(r -> Integer.parseInt(r.group(1), 16) + r.group(2))
                .replace("PubKeys[NUM_PUBKEYS]", "PubKeys[2]");

        KeystoreC parsed = KeystoreCFormat.parse("lms/keystore.c", text);

        assertThat(parsed.keystore()).isEqualTo(Vectors.keystoreC("lms").keystore());
    }

    @Test
    void anEmptyKeystoreInAnotherLayoutIsRead() throws Exception {
        String text = KeystoreCFormat.emit(List.of(), AuthType.LMS).replace("\n", "\r\n");

        KeystoreC parsed = KeystoreCFormat.parse("ks.c", text);

        assertThat(parsed.keystore().slots()).isEmpty();
        assertThat(parsed.lastAlgorithm()).isEqualTo(AuthType.LMS);
        assertThat(parsed.canonical()).isFalse();
    }

    @Test
    void anEmptyKeystoreWithoutTheGuardHasNoLastAlgorithm() {
        String text = KeystoreCFormat.emit(List.of(), AuthType.LMS).replace("KEYSTORE_PUBKEY_SIZE_LMS", "0");

        assertThatThrownBy(() -> KeystoreCFormat.parse("ks.c", text))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo("last_algorithm");
    }

    /** The 1-based line of the first difference, counting lines as the exact parser does (LF only). */
    static int firstEditedLine(String vector, String text) {
        String[] a = vector.split("\n", -1);
        String[] b = text.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        return i + 1;
    }
}
