package io.bootrig.wolfboot.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.Fixtures;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.VectorKeys;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.keystore.Keystore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRejectionTest {
    @TempDir
    Path tmp;

    Keystore ecc;
    byte[] good;

    @BeforeEach
    void load() throws Exception {
        ecc = VectorKeys.keystoreFromPrivateKeys("ecc256", tmp);
        good = Fixtures.wolfbootBytes("ecc256/key0_v1_signed.bin");
    }

    private Verdict verify(byte[] image) throws FormatException {
        return ImageVerifier.verify(SignedImage.parse("img", image, OptionalInt.empty()), ecc, OptionalInt.empty(),
                Optional.empty());
    }

    @Test
    void aTamperedPayloadIsAnIntegrityFailure() throws Exception {
        byte[] b = good.clone();
        b[300] ^= 1;
        assertThat(verify(b).reason()).contains(RejectReason.INTEGRITY);
    }

    @Test
    void aTamperedVersionIsAnIntegrityFailure() throws Exception {
        byte[] b = good.clone();
        b[12] = 9;
        assertThat(verify(b).reason()).contains(RejectReason.INTEGRITY);
    }

    @Test
    void aFlippedSignatureBitIsASignatureFailure() throws Exception {
        byte[] b = good.clone();
        b[124 + 4 + 10] ^= 1;
        assertThat(verify(b).reason()).contains(RejectReason.SIGNATURE);
    }

    @Test
    void aKeyNotInTheKeystoreIsUnknown() throws Exception {
        Keystore other = VectorKeys.keystoreFromPrivateKeys("ed25519", tmp.resolve("o"));
        Verdict v = ImageVerifier.verify(SignedImage.parse("img", good, OptionalInt.empty()), other, OptionalInt.empty(),
                Optional.empty());
        assertThat(v.reason()).contains(RejectReason.UNKNOWN_KEY);
        assertThat(v.detail()).contains("05acfeeb");
    }

    @Test
    void anImageOfAnotherAlgorithmThanTheDeviceIsAnAuthTypeFailure() throws Exception {
        assertThat(ImageVerifier.verify(SignedImage.parse("img", good, OptionalInt.empty()), ecc, OptionalInt.empty(),
                Optional.of(AuthType.LMS)).reason()).contains(RejectReason.AUTH_TYPE);
    }

    @Test
    void aKeyWhoseSlotTypeDiffersFromTheImageIsAnAuthTypeFailure() throws Exception {
        var s = ecc.slots().get(0);
        Keystore mislabelled = new Keystore(java.util.List.of(new io.bootrig.wolfboot.keystore.KeystoreSlot(0,
                AuthType.ECC384.code(), s.partIdMask(), s.pubkeySize(), s.pubkey(), null)), "ks");
        assertThat(ImageVerifier.verify(SignedImage.parse("img", good, OptionalInt.empty()), mislabelled,
                OptionalInt.empty(), Optional.empty()).reason()).contains(RejectReason.AUTH_TYPE);
    }

    @Test
    void aRequiredPartitionIdIsEnforced() throws Exception {
        assertThat(ImageVerifier.verify(SignedImage.parse("img", good, OptionalInt.empty()), ecc, OptionalInt.of(0),
                Optional.empty()).reason()).contains(RejectReason.PERMISSION);
        assertThat(ImageVerifier.verify(SignedImage.parse("img", good, OptionalInt.empty()), ecc, OptionalInt.of(1),
                Optional.empty()).accepted()).isTrue();
    }

    @Test
    void aMissingSignatureTlvIsMalformed() throws Exception {
        byte[] b = good.clone();
        Arrays.fill(b, 124, 256, (byte) 0xFF);
        assertThat(verify(b).reason()).contains(RejectReason.MALFORMED);
    }

    @Test
    void aShortSignatureIsASignatureFailure() throws Exception {
        byte[] b = good.clone();
        LittleEndian.putU16(b, 126, 60);
        Arrays.fill(b, 128 + 60, 256, (byte) 0xFF);
        assertThat(verify(b).reason()).contains(RejectReason.SIGNATURE);
    }

    @Test
    void badInputNamesTheFileAndTheField() {
        assertThatThrownBy(() -> SignedImage.parse("f.bin", Arrays.copyOf(good, 6), OptionalInt.empty()))
                .isInstanceOf(FormatException.class).hasMessage("f.bin: header: truncated: 6 bytes, a wolfBoot image starts with an 8-byte magic and size");
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> SignedImage.parse("f.bin", magic, OptionalInt.empty()))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("f.bin: header.magic: expected \"WOLF\"");
        byte[] size = good.clone();
        LittleEndian.putU32(size, 4, 100_000);
        assertThatThrownBy(() -> SignedImage.parse("f.bin", size, OptionalInt.empty()))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("f.bin: header.size: payload size 100000");
        byte[] overrun = good.clone();
        LittleEndian.putU16(overrun, 126, 200);
        assertThatThrownBy(() -> SignedImage.parse("f.bin", overrun, OptionalInt.empty()))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("f.bin: tlv@124 (tag 0x0020): length 200 overruns");
        byte[] versionLen = good.clone();
        LittleEndian.putU16(versionLen, 10, 2);
        assertThatThrownBy(() -> SignedImage.parse("f.bin", versionLen, OptionalInt.empty()))
                .isInstanceOf(FormatException.class).hasMessageContaining("VERSION@8: length 2, expected 4");
    }

    @Test
    void anExplicitHeaderSizeAllowsTrailingBytes() throws Exception {
        byte[] padded = Arrays.copyOf(good, good.length + 128);
        Arrays.fill(padded, good.length, padded.length, (byte) 0x1A);
        SignedImage img = SignedImage.parse("f", padded, OptionalInt.of(256));
        assertThat(img.trailingBytes()).isEqualTo(128);
        assertThat(ImageVerifier.verify(img, ecc, OptionalInt.empty(), Optional.empty()).accepted()).isTrue();
    }

    @Test
    void paddingBytesAndOddOffsetsAreSkippedAsOnTheDevice() throws Exception {
        // A 0xFF run before VERSION shifts it to an odd offset's neighbour: the parser must find it at 10.
        byte[] b = new byte[64];
        Arrays.fill(b, (byte) 0xFF);
        LittleEndian.putU32(b, 0, SignedImage.MAGIC);
        LittleEndian.putU32(b, 4, 0);
        b[9] = 0x01; // odd offset: skipped, never read as a tag
        LittleEndian.putU16(b, 10, TlvTag.VERSION);
        LittleEndian.putU16(b, 12, 4);
        LittleEndian.putU32(b, 14, 5);
        LittleEndian.putU16(b, 18, 0x0040);
        LittleEndian.putU16(b, 20, 2);
        b[22] = 'h';
        b[23] = 'i';
        SignedImage img = SignedImage.parse("f", b, OptionalInt.empty());
        assertThat(img.tlvs()).extracting(Tlv::offset).containsExactly(10, 18);
        assertThat(img.version()).hasValue(5);
        assertThat(img.find(0x40).get().name()).isEqualTo("CUSTOM");
    }
}
