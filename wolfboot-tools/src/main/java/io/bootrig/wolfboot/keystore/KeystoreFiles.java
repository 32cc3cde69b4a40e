package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.otp.OtpImage;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a keystore from whichever file holds it, recognising the format by content. */
public final class KeystoreFiles {
    private KeystoreFiles() {}

    private static final byte[] C_MARKER = "keystore_slot".getBytes(StandardCharsets.US_ASCII);

    /** OTP: 2048 bytes starting "WOLFBOOT"; C source: text naming {@code keystore_slot}; else keystore.der. */
    public static KeystoreFormat detect(byte[] content) {
        if (content.length == OtpLayout.SIZE && OtpLayout.startsWithMagic(content)) {
            return KeystoreFormat.OTP;
        }
        return contains(content, C_MARKER) ? KeystoreFormat.C_SOURCE : KeystoreFormat.DER;
    }

    /** The keystore in a file; FormatException messages name the file as given. */
    public static Keystore load(Path file) throws IOException, FormatException {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    public static Keystore parse(String source, byte[] content) throws FormatException {
        return switch (detect(content)) {
            case OTP -> OtpImage.parse(source, content).keystore();
            case C_SOURCE -> parseC(source, content).keystore();
            case DER -> KeystoreDerFormat.parse(source, content);
        };
    }

    /** keystore.c content, with whether it is keygen 2.9.0's exact text (see {@link KeystoreCFormat#parse}). */
    public static KeystoreC parseC(String source, byte[] content) throws FormatException {
        return KeystoreCFormat.parse(source, utf8(source, content));
    }

    private static String utf8(String source, byte[] content) throws FormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new FormatException(source, "encoding", "keystore.c is not UTF-8 text", e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
