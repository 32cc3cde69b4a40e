package io.bootrig.wolfboot.image;

import static io.bootrig.wolfboot.FuzzChecks.documented;
import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * {@link SignedImage#parse} on any bytes: a signed image or a {@link FormatException}, with or
 * without a given IMAGE_HEADER_SIZE; every accessor of an image it accepts works, and parsing it
 * again with the header size it found gives the same TLVs.
 */
class SignedImageFuzzTest {
    private static final String SOURCE = "image.bin";
    private static final int[] HEADER_SIZES = {256, 1024, 4096};

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        SignedImage img = parse(data, OptionalInt.empty());
        if (img != null) {
            exercise(img, data);
            SignedImage again = parse(data, OptionalInt.of(img.headerSize()));
            require(again != null && again.tlvs().equals(img.tlvs()) && again.payloadSize() == img.payloadSize(),
                    "parsing again with the header size " + img.headerSize() + " it found gives another image");
        }
        for (int h : HEADER_SIZES) {
            SignedImage withSize = parse(data, OptionalInt.of(h));
            if (withSize != null) {
                exercise(withSize, data);
            }
        }
    }

    private static SignedImage parse(byte[] data, OptionalInt headerSize) {
        try {
            return SignedImage.parse(SOURCE, data, headerSize);
        } catch (FormatException e) {
            documented(e, SOURCE);
            return null;
        }
    }

    private static void exercise(SignedImage img, byte[] data) {
        require(img.headerSize() >= SignedImage.HEADER_OFFSET && img.headerSize() <= data.length,
                "header size " + img.headerSize() + " outside the " + data.length + "-byte file");
        require(img.trailingBytes() >= 0, "negative trailing bytes");
        require(img.payload().length == img.payloadSize(), "payload() is not payloadSize() bytes");
        require(Arrays.equals(img.bytes(), data), "bytes() differ from the input");
        for (Tlv t : img.tlvs()) {
            require(t.offset() >= SignedImage.HEADER_OFFSET && t.offset() + 4 + t.length() <= img.headerSize(),
                    t + " lies outside the header");
            t.name();
        }
        img.version();
        img.timestamp();
        img.imageType();
        img.partitionId();
        img.authType();
        img.imageFlags();
        img.hashAlgorithm();
        img.pubkeyHint();
        img.signature();
        img.computeDigest();
    }
}
