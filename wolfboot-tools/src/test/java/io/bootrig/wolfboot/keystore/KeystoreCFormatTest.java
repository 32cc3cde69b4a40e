package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class KeystoreCFormatTest {

    static final List<String> ALGORITHMS = Vectors.ALGORITHMS;

    static final Map<String, Integer> KEY_SIZES = Map.of("ecc256", 64, "ed25519", 32, "lms", 60, "rsa2048", 294);

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void everyVectorReEmitsByteIdentical(String alg) throws Exception {
        byte[] original = io.bootrig.wolfboot.Fixtures.wolfbootBytes(alg + "/keystore.c");
        KeystoreC parsed = KeystoreCFormat.parse("keystore.c", new String(original, StandardCharsets.UTF_8));

        assertThat(parsed.canonical()).isTrue();
        assertThat(KeystoreCFormat.emit(parsed).getBytes(StandardCharsets.UTF_8)).isEqualTo(original);
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void parsesWhatKeygenWasAskedFor(String alg) {
        KeystoreC ks = Vectors.keystoreC(alg);
        AuthType type = AuthType.byName(alg).orElseThrow();

        assertThat(ks.lastAlgorithm()).isEqualTo(type);
        assertThat(ks.keystore().origin()).isEqualTo(alg + "/keystore.c");
        List<KeystoreSlot> slots = ks.keystore().slots();
        assertThat(slots).hasSize(2);
        assertThat(slots).extracting(KeystoreSlot::slotId).containsExactly(0L, 1L);
        assertThat(slots).extracting(KeystoreSlot::keyType).containsOnly((long) type.code());
        assertThat(slots).extracting(KeystoreSlot::partIdMask).containsExactly(0xFFFFFFFFL, 0x0000000EL);
        assertThat(slots).extracting(KeystoreSlot::pubkeySize).containsOnly((long) KEY_SIZES.get(alg));
        assertThat(slots).extracting(s -> s.pubkey().length).containsOnly(KEY_SIZES.get(alg));
        assertThat(slots).extracting(KeystoreSlot::source)
                .containsExactly(alg + "_key0_all.der", alg + "_key1_id123.der");
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void aFreshKeystoreIsWrittenAsKeygenWritesIt(String alg) {
        List<KeygenKey> keys = new ArrayList<>();
        for (KeystoreSlot s : Vectors.keystoreC(alg).keystore().slots()) {
            keys.add(new KeygenKey(s.authType().orElseThrow(), s.partIdMask(), s.pubkey(), s.source()));
        }

        String text = KeystoreCFormat.emit(keys, AuthType.byName(alg).orElseThrow());

        assertThat(text).isEqualTo(Vectors.keystoreCText(alg));
    }

    @Test
    void keyLengthsOnAndOffTheEightByteGridRoundTrip() throws Exception {
        List<KeygenKey> keys = new ArrayList<>();
        for (int len : new int[] {0, 1, 7, 8, 9, 16, 57}) {
            byte[] key = new byte[len];
            for (int i = 0; i < len; i++) {
                key[i] = (byte) (i * 37 + len);
            }
            keys.add(new KeygenKey(AuthType.ED448, 1L << (len % 16), key, "k" + len + "' */.der"));
        }
        String text = KeystoreCFormat.emit(keys, AuthType.ED448);

        KeystoreC back = KeystoreCFormat.parse("t", text);

        assertThat(back.canonical()).isTrue();
        assertThat(KeystoreCFormat.emit(back)).isEqualTo(text);
        assertThat(back.keystore().slots()).extracting(KeystoreSlot::source).contains("k57' */.der");
        assertThat(back.keystore().slots().get(6).pubkey()).isEqualTo(keys.get(6).pubkey());
    }

    @Test
    void anEmptyKeystoreRoundTrips() throws Exception {
        String text = KeystoreCFormat.emit(List.of(), AuthType.LMS);

        assertThat(text).contains("#define NUM_PUBKEYS 0\nconst KEYSTORE_SECTION struct keystore_slot PubKeys[NUM_PUBKEYS] = {\n\n\n};\n\n");
        assertThat(KeystoreCFormat.parse("t", text).keystore().slots()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NUM_PUBKEYS 3                   | #define NUM_PUBKEYS 2             | #define NUM_PUBKEYS 3             | NUM_PUBKEYS
            NUM_PUBKEYS not a number        | #define NUM_PUBKEYS 2             | #define NUM_PUBKEYS two           | NUM_PUBKEYS
            NUM_PUBKEYS leading zero        | #define NUM_PUBKEYS 2             | #define NUM_PUBKEYS 02            | NUM_PUBKEYS
            pubkey_size off by one          | .pubkey_size = 64,                | .pubkey_size = 65,                | slot[0].pubkey_size
            unknown key type                | .key_type = AUTH_KEY_ECC256,      | .key_type = AUTH_KEY_ECC257,      | slot[0].key_type
            lower-case mask                 | .part_id_mask = 0xFFFFFFFF,       | .part_id_mask = 0xffffffff,       | slot[0].part_id_mask
            short mask                      | .part_id_mask = 0xFFFFFFFF,       | .part_id_mask = 0xFFFF,           | slot[0].part_id_mask
            negative slot id                | .slot_id = 0,                     | .slot_id = -1,                    | slot[0].slot_id
            upper-case key byte             | 0x46, 0xb2                        | 0x46, 0xB2                        | slot[0].pubkey
            missing comma                   | 0x46, 0xb2                        | 0x46 0xb2                         | slot[0].pubkey
            unknown last algorithm          | KEYSTORE_PUBKEY_SIZE_ECC256)      | KEYSTORE_PUBKEY_SIZE_ECC999)      | last_algorithm
            edited banner                   | Do not edit.                      | Please edit.                      | banner
            edited section                  | section (".keystore")             | section (".keys")                 | KEYSTORE_SECTION
            edited API                      | return NUM_PUBKEYS;               | return 1;                         | keystore API
            broken source comment           | /* Key associated to file 'ecc256_key0 | /* Key for file 'ecc256_key0 | slot[0].source
            """)
    void anEditStopsTheExactParserAtItsField(String what, String from, String to, String field) {
        String text = Vectors.keystoreCText("ecc256");
        assertThat(text).contains(from);

        assertThatThrownBy(() -> KeystoreCFormat.parseExact("ks.c", text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to))))
                .isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    assertThat(((FormatException) e).field()).isEqualTo(field);
                    assertThat(((FormatException) e).source()).isEqualTo("ks.c");
                });
    }

    @Test
    void aSecondSlotsFieldIsNamedWithItsIndex() {
        String text = Vectors.keystoreCText("lms");
        int second = text.indexOf(".pubkey_size = 60,", text.indexOf(".slot_id = 1,"));
        String edited = text.substring(0, second) + ".pubkey_size = sixty," + text.substring(second + 18);

        assertThatThrownBy(() -> KeystoreCFormat.parseExact("ks.c", edited))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("slot[1].pubkey_size");
    }

    @Test
    void aMissingKeyByteIsAPubkeySizeMismatch() {
        String text = Vectors.keystoreCText("lms").replace("0xba, 0x0f, 0xbc, 0x1d\n", "0xba, 0x0f, 0xbc\n");

        assertThatThrownBy(() -> KeystoreCFormat.parse("ks.c", text))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("slot[0].pubkey_size")
                .hasMessageContaining("declares 60 bytes but .pubkey holds 59");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                    | banner
            hello                 | banner
            <CRLF>                | banner
            <TRAILING>            | end of file
            <NO_FINAL_NEWLINE>    | end of file
            <TRUNCATED>           | keystore API
            """)
    void theExactParserRefusesAnythingElse(String kind, String field) {
        String vector = Vectors.keystoreCText("ed25519");
        String text = switch (kind) {
            case "<CRLF>" -> vector.replace("\n", "\r\n");
            case "<TRAILING>" -> vector + "int extra;\n";
            case "<NO_FINAL_NEWLINE>" -> vector.substring(0, vector.length() - 1);
            case "<TRUNCATED>" -> vector.substring(0, vector.length() - 40);
            default -> kind;
        };

        assertThatThrownBy(() -> KeystoreCFormat.parseExact("ks.c", text))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo(field);
    }

    @Test
    void crlfIsNamedInTheMessage() {
        String text = Vectors.keystoreCText("ed25519").replace("\n", "\r\n");

        assertThatThrownBy(() -> KeystoreCFormat.parseExact("ks.c", text)).hasMessageContaining("CRLF");
    }

    @Test
    void emitRefusesWhatKeygenCannotWrite() {
        KeystoreSlot good = Vectors.keystoreC("ecc256").keystore().slots().get(0);
        byte[] key = good.pubkey();

        assertThatThrownBy(() -> emitOne(new KeystoreSlot(0, 2, 0xFFFFFFFFL, 60, key, "a.der")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pubkey_size");
        assertThatThrownBy(() -> emitOne(new KeystoreSlot(0, 0x55, 0xFFFFFFFFL, 64, key, "a.der")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key_type");
        assertThatThrownBy(() -> emitOne(new KeystoreSlot(0, 2, 0xFFFFFFFFL, 64, key, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
        assertThatThrownBy(() -> emitOne(new KeystoreSlot(0, 2, 0xFFFFFFFFL, 64, key, "a\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file name");
        assertThatThrownBy(() -> emitOne(new KeystoreSlot(1L << 31, 2, 0xFFFFFFFFL, 64, key, "a.der")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot_id");
        assertThatThrownBy(() -> new KeygenKey(AuthType.ECC256, 1L << 32, key, "a.der"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String emitOne(KeystoreSlot slot) {
        return KeystoreCFormat.emit(new KeystoreC(new Keystore(List.of(slot), "t"), AuthType.ECC256));
    }
}
