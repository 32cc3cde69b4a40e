package io.bootrig.wolfboot.otp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.keystore.Vectors;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class OtpImageTest {

    static final List<String> OTP_ALGORITHMS = Vectors.OTP_ALGORITHMS;
    static final Map<String, Integer> STRIDES = Map.of("ecc256", 80, "lms", 76);

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void buildingFromKeystoreCGivesTheVectorExceptTheUds(String alg) {
        byte[] vector = Vectors.otpBin(alg);

        byte[] built = OtpImage.build(Vectors.keystoreC(alg).keystore());

        assertThat(Arrays.copyOfRange(built, 0, 0x7C0)).isEqualTo(Arrays.copyOfRange(vector, 0, 0x7C0));
        assertThat(Arrays.copyOfRange(built, 0x7E0, 0x800)).isEqualTo(Arrays.copyOfRange(vector, 0x7E0, 0x800));
        assertThat(OtpComparison.compare(vector, built, false)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void withTheVectorsUdsTheImageIsIdentical(String alg) {
        byte[] vector = Vectors.otpBin(alg);
        byte[] uds = Arrays.copyOfRange(vector, 0x7C0, 0x7E0);

        assertThat(OtpImage.build(Vectors.keystoreC(alg).keystore(), 0x02090000L, uds)).isEqualTo(vector);
        assertThat(OtpImage.build(Vectors.keystoreFromDer(alg), 0x02090000L, uds)).isEqualTo(vector);
    }

    @ParameterizedTest
    @FieldSource("OTP_ALGORITHMS")
    void parsingTheVectorGivesItsTwoKeys(String alg) throws Exception {
        byte[] vector = Vectors.otpBin(alg);

        OtpImage otp = OtpImage.parse("otp.bin", vector);

        assertThat(otp.header()).isEqualTo(new OtpHeader(2, 0, 0x02090000L));
        assertThat(otp.slotStride()).isEqualTo(STRIDES.get(alg));
        assertThat(otp.uds()).isEqualTo(Arrays.copyOfRange(vector, 0x7C0, 0x7E0));
        assertThat(otp.keystore().origin()).isEqualTo("otp.bin");
        List<KeystoreSlot> fromC = Vectors.keystoreC(alg).keystore().slots();
        List<KeystoreSlot> slots = otp.keystore().slots();
        assertThat(slots).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(slots.get(i).keyMaterial()).isEqualTo(fromC.get(i).keyMaterial());
            assertThat(slots.get(i).slotId()).isEqualTo(i);
            assertThat(slots.get(i).keyType()).isEqualTo(fromC.get(i).keyType());
            assertThat(slots.get(i).partIdMask()).isEqualTo(fromC.get(i).partIdMask());
            assertThat(slots.get(i).pubkeySize()).isEqualTo(fromC.get(i).pubkeySize());
        }
        assertThat(otp.toString()).doesNotContain(java.util.HexFormat.of().formatHex(otp.uds()));
    }

    @Test
    void aFixedUdsAndVersionAreWrittenWhereTheyBelong() {
        byte[] image = OtpImage.build(Vectors.keystoreC("lms").keystore(), 0x01020304L, new byte[32]);

        assertThat(image).hasSize(2048);
        assertThat(Arrays.copyOfRange(image, 0, 8)).isEqualTo("WOLFBOOT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(LittleEndian.u16(image, 8)).isEqualTo(2);
        assertThat(LittleEndian.u16(image, 10)).isZero();
        assertThat(LittleEndian.u32(image, 12)).isEqualTo(0x01020304L);
        assertThat(Arrays.copyOfRange(image, 16 + 2 * 76, 0x7C0)).containsOnly(0xFF);
        assertThat(Arrays.copyOfRange(image, 0x7C0, 0x7E0)).containsOnly(0);
        assertThat(Arrays.copyOfRange(image, 0x7E0, 0x800)).containsOnly(0xFF);
    }

    @Test
    void theUdsIsDrawnFromTheGivenRandom() {
        Keystore ks = Vectors.keystoreC("ecc256").keystore();
        SecureRandom a = new FixedRandom((byte) 0x5A);

        byte[] image = OtpImage.build(ks, OtpLayout.DEFAULT_VERSION, a);

        assertThat(Arrays.copyOfRange(image, 0x7C0, 0x7E0)).containsOnly(0x5A);
    }

    @Test
    void rsaIsLaidOutWithKeystoreCsSizeAsOtpKeystoreGenDoes() throws Exception {
        Keystore rsa = Vectors.keystoreC("rsa2048").keystore();

        byte[] image = OtpImage.build(rsa, OtpLayout.DEFAULT_VERSION, new byte[32]);
        OtpImage back = OtpImage.parse("otp.bin", image);

        assertThat(back.slotStride()).isEqualTo(16 + 294);
        assertThat(LittleEndian.u32(image, 16 + 310)).isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            assertThat(back.keystore().slots().get(i).keyMaterial()).isEqualTo(rsa.slots().get(i).keyMaterial());
        }
    }

    @Test
    void twentyFiveLmsKeysFitAndTwentySixDoNot() {
        KeystoreSlot lms = Vectors.keystoreC("lms").keystore().slots().get(0);

        assertThat(OtpImage.build(copies(lms, 25), 0, new byte[32])).hasSize(2048);
        assertThatThrownBy(() -> OtpImage.build(copies(lms, 26), 0, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 25 keys");
    }

    @Test
    void buildRefusesWhatOtpKeystoreGenRefusesAndKeysItWouldCut() {
        Keystore ecc = Vectors.keystoreC("ecc256").keystore();
        KeystoreSlot ed = Vectors.keystoreC("ed25519").keystore().slots().get(0);
        KeystoreSlot eccSlot = ecc.slots().get(0);

        assertThatThrownBy(() -> OtpImage.build(new Keystore(List.of(), "t"), 0, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one key");
        assertThatThrownBy(() -> OtpImage.build(ecc, 0, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UDS");
        assertThatThrownBy(() -> OtpImage.build(new Keystore(List.of(ed, eccSlot), "t"), 0, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slot 1");
        assertThatThrownBy(() -> OtpImage.build(ecc, -1, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void parseRejectsWhatIsNotAnOtpKeystore() {
        byte[] good = Vectors.otpBin("lms");

        assertField(Arrays.copyOf(good, 2047), "size");
        assertField(with(good, b -> b[7] = 'X'), "header.magic");
        assertField(with(good, b -> LittleEndian.putU16(b, 8, 0)), "header.item_count");
        assertField(with(good, b -> LittleEndian.putU16(b, 8, 26)), "header.item_count");
        assertField(with(good, b -> LittleEndian.putU16(b, 8, 0xFFFF)), "header.item_count");
        assertField(with(good, b -> LittleEndian.putU32(b, 16 + 12, 0xFFFFFFFFL)), "slot[0].pubkey_size");
        assertField(with(good, b -> LittleEndian.putU32(b, 16 + 76 + 12, 61)), "slot[1].pubkey_size");
        byte[] erased = new byte[2048];
        Arrays.fill(erased, (byte) 0xFF);
        assertField(erased, "header.magic");
    }

    @Test
    void aFullOtpRoundTrips() throws Exception {
        KeystoreSlot lms = Vectors.keystoreC("lms").keystore().slots().get(1);
        byte[] image = OtpImage.build(copies(lms, 25), OtpLayout.DEFAULT_VERSION, new byte[32]);

        OtpImage otp = OtpImage.parse("otp.bin", image);

        assertThat(otp.keystore().slots()).hasSize(25)
                .allSatisfy(s -> assertThat(s.keyMaterial()).isEqualTo(lms.keyMaterial()));
        assertThat(OtpImage.build(otp.keystore(), otp.header().version(), otp.uds())).isEqualTo(image);
    }

    private static Keystore copies(KeystoreSlot s, int n) {
        List<KeystoreSlot> slots = new ArrayList<>(Collections.nCopies(n, s));
        return new Keystore(slots, "t");
    }

    private static byte[] with(byte[] image, java.util.function.Consumer<byte[]> edit) {
        byte[] copy = image.clone();
        edit.accept(copy);
        return copy;
    }

    private static void assertField(byte[] image, String field) {
        assertThatThrownBy(() -> OtpImage.parse("otp.bin", image))
                .isInstanceOf(FormatException.class)
                .satisfies(e -> {
                    assertThat(((FormatException) e).field()).isEqualTo(field);
                    assertThat(((FormatException) e).source()).isEqualTo("otp.bin");
                });
    }

    /** A SecureRandom that returns one byte value, to see where the UDS goes. */
    private static final class FixedRandom extends SecureRandom {
        private final byte value;

        FixedRandom(byte value) {
            this.value = value;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, value);
        }
    }
}
