package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.crypto.AuthType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class KeystoreDerFormatTest {

    static final List<String> ALGORITHMS = Vectors.ALGORITHMS;

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void everyVectorReEmitsByteIdentical(String alg) {
        byte[] der = Vectors.keystoreDer(alg);

        assertThat(KeystoreDerFormat.emit(Vectors.keystoreFromDer(alg))).isEqualTo(der);
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void derSlotsCarryTheFixedKeystoreSize(String alg) {
        AuthType type = AuthType.byName(alg).orElseThrow();
        Keystore ks = Vectors.keystoreFromDer(alg);

        assertThat(ks.slots()).extracting(KeystoreSlot::pubkeySize).containsOnly((long) type.keystorePubkeySize());
        assertThat(Vectors.keystoreDer(alg)).hasSize(2 * (16 + type.keystorePubkeySize()));
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void cAndDerOfOneDirectoryHoldTheSameKeys(String alg) {
        List<KeystoreSlot> fromC = Vectors.keystoreC(alg).keystore().slots();
        List<KeystoreSlot> fromDer = Vectors.keystoreFromDer(alg).slots();

        assertThat(fromDer).hasSameSizeAs(fromC);
        for (int i = 0; i < fromC.size(); i++) {
            assertThat(fromDer.get(i).keyMaterial()).isEqualTo(fromC.get(i).keyMaterial());
            assertThat(fromDer.get(i).slotId()).isEqualTo(fromC.get(i).slotId());
            assertThat(fromDer.get(i).keyType()).isEqualTo(fromC.get(i).keyType());
            assertThat(fromDer.get(i).partIdMask()).isEqualTo(fromC.get(i).partIdMask());
        }
    }

    @ParameterizedTest
    @FieldSource("ALGORITHMS")
    void keystoreCEmitsAsKeygensDer(String alg) {
        assertThat(KeystoreDerFormat.emit(Vectors.keystoreC(alg).keystore())).isEqualTo(Vectors.keystoreDer(alg));
    }

    @Test
    void rsaDerIsZeroPaddedUpTo320() {
        byte[] der = KeystoreDerFormat.emit(Vectors.keystoreC("rsa2048").keystore());

        assertThat(LittleEndian.u32(der, 12)).isEqualTo(320);
        assertThat(Arrays.copyOfRange(der, 16 + 294, 16 + 320)).containsOnly(0);
    }

    @Test
    void anEmptyFileIsAnEmptyKeystore() throws Exception {
        assertThat(KeystoreDerFormat.parse("k.der", new byte[0]).slots()).isEmpty();
    }

    @Test
    void trailingBytesAreReported() {
        byte[] der = Arrays.copyOf(Vectors.keystoreDer("ecc256"), 160 + 5);

        assertThatThrownBy(() -> KeystoreDerFormat.parse("k.der", der))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("slot[2]")
                .hasMessageContaining("5 bytes left at offset 160");
    }

    @Test
    void aTruncatedKeyIsReported() {
        byte[] der = Arrays.copyOf(Vectors.keystoreDer("lms"), 150);

        assertThatThrownBy(() -> KeystoreDerFormat.parse("k.der", der))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo("slot[1].pubkey");
    }

    @Test
    void anAbsurdPubkeySizeIsReported() {
        byte[] der = Vectors.keystoreDer("ed25519");
        LittleEndian.putU32(der, 48 + 12, 4097);

        assertThatThrownBy(() -> KeystoreDerFormat.parse("k.der", der))
                .isInstanceOf(FormatException.class)
                .extracting(e -> ((FormatException) e).field()).isEqualTo("slot[1].pubkey_size");
    }

    @Test
    void unknownKeyTypesSurviveARoundTrip() throws Exception {
        byte[] der = Vectors.keystoreDer("ed25519");
        LittleEndian.putU32(der, 4, 0x77);
        Keystore ks = KeystoreDerFormat.parse("k.der", der);

        assertThat(ks.slots().get(0).authType()).isEmpty();
        assertThat(KeystoreDerFormat.emit(ks)).isEqualTo(der);
    }

    @Test
    void aUniversalKeystoreRoundTrips() throws Exception {
        KeystoreSlot ecc = Vectors.keystoreC("ecc256").keystore().slots().get(0);
        KeystoreSlot rsa = Vectors.keystoreC("rsa2048").keystore().slots().get(1);
        Keystore mixed = new Keystore(List.of(ecc, rsa), "t");

        byte[] der = KeystoreDerFormat.emitUniversal(mixed);
        Keystore back = KeystoreDerFormat.parse("k.der", der);

        assertThat(der).hasSize(2 * 2608);
        assertThat(back.slots()).extracting(KeystoreSlot::pubkeySize).containsExactly(64L, 320L);
        assertThat(back.slots().get(0).keyMaterial()).isEqualTo(ecc.keyMaterial());
        assertThat(back.slots().get(1).keyMaterial()).isEqualTo(rsa.keyMaterial());
        assertThat(KeystoreDerFormat.emitUniversal(back)).isEqualTo(der);
        assertThat(new KeystoreLinter(true, false).lint(back, KeystoreFormat.DER)).isEmpty();
    }
}
