package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * keystore.c exactly as wolfBoot 2.9.0's keygen writes it (keygen.c, non-Renesas build).
 *
 * <p>The exact parser accepts that text and nothing else: every line outside the key data must be
 * keygen's, and every number must be printed the way keygen prints it. So what it accepts,
 * {@code emit} reproduces byte for byte. Other keygen-shaped files (another keygen version, CRLF,
 * re-indented, hand-edited) are read by their C structure ({@link KeystoreCStructure}) and come
 * back marked non-canonical. Anything inconsistent is a {@link FormatException} naming the field
 * ({@code slot[1].pubkey_size}, {@code NUM_PUBKEYS}, …).
 */
public final class KeystoreCFormat {
    private KeystoreCFormat() {}

    private static final String BANNER = """
            /* Keystore file for wolfBoot, automatically generated. Do not edit.  */
            /*
             * This file has been generated and contains the public keys
             * used by wolfBoot to verify the updates.
             */
            #include <stdint.h>
            #include "wolfboot/wolfboot.h"
            #include "keystore.h"

            #ifdef WOLFBOOT_NO_SIGN
                #define NUM_PUBKEYS 0
            #else

            """;

    private static final String GUARD_PREFIX =
            "#if !defined(KEYSTORE_ANY) && (KEYSTORE_PUBKEY_SIZE != KEYSTORE_PUBKEY_SIZE_";
    private static final String GUARD_SUFFIX = ")";

    private static final String SECTION = """
                #error Key algorithm mismatch. Remove old keys via 'make keysclean'
            #else

            #if defined(__APPLE__) && defined(__MACH__)
            #define KEYSTORE_SECTION __attribute__((section ("__KEYSTORE,__keystore")))
            #elif defined(__CCRX__) || defined(WOLFBOOT_RENESAS_RSIP) || defined(WOLFBOOT_RENESAS_TSIP) || defined(WOLFBOOT_RENESAS_SCEPROTECT)
            #define KEYSTORE_SECTION /* Renesas RX */
            #elif defined(TARGET_x86_64_efi) || defined(TARGET_aarch64_efi)
            #define KEYSTORE_SECTION
            #else
            #define KEYSTORE_SECTION __attribute__((section (".keystore")))
            #endif

            """;

    private static final String NUM_PUBKEYS_PREFIX = "#define NUM_PUBKEYS ";
    private static final String ARRAY_OPEN = "const KEYSTORE_SECTION struct keystore_slot PubKeys[NUM_PUBKEYS] = {";

    private static final String SOURCE_PREFIX = "    /* Key associated to file '";
    private static final String SOURCE_SUFFIX = "' */";
    private static final String SLOT_ID = "        .slot_id = ";
    private static final String KEY_TYPE = "        .key_type = ";
    private static final String MASK = "        .part_id_mask = 0x";
    private static final String PUBKEY_SIZE = "        .pubkey_size = ";
    private static final String PUBKEY_OPEN = "        .pubkey = {";
    private static final String KEY_INDENT = "            ";

    private static final String API = """
            int keystore_num_pubkeys(void)
            {
                return NUM_PUBKEYS;
            }

            uint8_t *keystore_get_buffer(int id)
            {
                (void)id;
                if (id >= keystore_num_pubkeys())
                    return (uint8_t *)0;
                return (uint8_t *)PubKeys[id].pubkey;
            }

            int keystore_get_size(int id)
            {
                (void)id;
                if (id >= keystore_num_pubkeys())
                    return -1;
                return (int)PubKeys[id].pubkey_size;
            }

            uint32_t keystore_get_mask(int id)
            {
                if (id >= keystore_num_pubkeys())
                    return 0;
                return PubKeys[id].part_id_mask;
            }

            uint32_t keystore_get_key_type(int id)
            {
                return PubKeys[id].key_type;
            }

            #endif /* Keystore public key size check */
            #endif /* WOLFBOOT_NO_SIGN */
            """;

    /** The text keygen writes for a fresh keystore holding these keys, in this order. */
    public static String emit(List<KeygenKey> keys, AuthType lastAlgorithm) {
        return emit(KeystoreC.of(keys, lastAlgorithm, "keystore.c"));
    }

    /**
     * keygen's text for this content.
     *
     * @throws IllegalArgumentException when a slot cannot be written as keygen writes it: unknown
     *     key type, slot id outside 0..2^31-1, pubkey_size not the number of key bytes, no key file
     *     name or one with a line break
     */
    public static String emit(KeystoreC content) {
        List<KeystoreSlot> slots = content.keystore().slots();
        StringBuilder sb = new StringBuilder(4096)
                .append(BANNER)
                .append(GUARD_PREFIX).append(content.lastAlgorithm().wolfBootName()).append(GUARD_SUFFIX).append('\n')
                .append(SECTION)
                .append(NUM_PUBKEYS_PREFIX).append(slots.size()).append('\n')
                .append(ARRAY_OPEN).append("\n\n");
        for (int i = 0; i < slots.size(); i++) {
            appendSlot(sb, i, slots.get(i));
        }
        return sb.append("\n};\n\n").append(API).toString();
    }

    private static void appendSlot(StringBuilder sb, int index, KeystoreSlot s) {
        String what = "slot " + index + ": ";
        AuthType type = s.authType().orElseThrow(() ->
                new IllegalArgumentException(what + "key_type " + s.keyType() + " has no AUTH_KEY_ name"));
        if (s.slotId() < 0 || s.slotId() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + "slot_id " + s.slotId() + " is not a non-negative int");
        }
        if (s.partIdMask() < 0 || s.partIdMask() > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(what + "part_id_mask " + s.partIdMask() + " is not a u32");
        }
        byte[] key = s.pubkey();
        if (s.pubkeySize() != key.length) {
            throw new IllegalArgumentException(what + "pubkey_size " + s.pubkeySize() + " but " + key.length
                    + " key bytes; keystore.c declares the key's own length");
        }
        String src = s.source();
        if (src == null || src.indexOf('\n') >= 0 || src.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + "keystore.c needs a one-line key file name");
        }
        sb.append(SOURCE_PREFIX).append(src).append(SOURCE_SUFFIX).append('\n')
                .append("    {\n")
                .append(SLOT_ID).append(s.slotId()).append(",\n")
                .append(KEY_TYPE).append(type.keystoreConstant()).append(",\n")
                .append(String.format(Locale.ROOT, "%s%08X,\n", MASK, s.partIdMask()))
                .append(PUBKEY_SIZE).append(s.pubkeySize()).append(",\n")
                .append(PUBKEY_OPEN).append('\n')
                .append(KEY_INDENT);
        // keygen's fwritekey: a line break before every 8th byte, ", " between the others
        for (int i = 0; i < key.length; i++) {
            if (i % 8 == 0) {
                sb.append(i != 0 ? "," : "").append('\n').append(KEY_INDENT);
            } else {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "0x%02x", key[i] & 0xFF));
        }
        sb.append("\n\n\n        },").append("\n    },\n\n");
    }

    /**
     * Parses a keystore.c: as keygen 2.9.0's exact text when it is ({@link KeystoreC#canonical()}),
     * otherwise by its C structure, recording where the exact text stopped. {@code source} names
     * the input in errors and becomes the origin.
     */
    public static KeystoreC parse(String source, String text) throws FormatException {
        Lines in = new Lines(source, text);
        try {
            return parseExact(in);
        } catch (FormatException exact) {
            KeystoreC.Deviation deviation = new KeystoreC.Deviation(in.stopLine(), exact.field() + ": " + exact.problem());
            return KeystoreCStructure.parse(source, text, deviation);
        }
    }

    /** Parses keygen 2.9.0's exact text and nothing else. */
    static KeystoreC parseExact(String source, String text) throws FormatException {
        return parseExact(new Lines(source, text));
    }

    private static KeystoreC parseExact(Lines in) throws FormatException {
        String source = in.source;
        in.expectBlock(BANNER, "banner");
        AuthType lastAlgorithm = parseLastAlgorithm(in);
        in.expectBlock(SECTION, "KEYSTORE_SECTION");
        String numLine = in.next("NUM_PUBKEYS");
        long declared = numLine.startsWith(NUM_PUBKEYS_PREFIX)
                ? decimal(numLine.substring(NUM_PUBKEYS_PREFIX.length()), Integer.MAX_VALUE) : -1;
        if (declared < 0) {
            throw in.error("NUM_PUBKEYS", "expected '" + NUM_PUBKEYS_PREFIX + "<count>'", numLine);
        }
        in.expect(ARRAY_OPEN, "PubKeys");
        in.expect("", "PubKeys");
        List<KeystoreSlot> slots = new ArrayList<>();
        while (!in.peek().isEmpty()) {
            slots.add(parseSlot(in, slots.size()));
        }
        in.expect("", "PubKeys");
        in.expect("};", "PubKeys");
        in.expect("", "PubKeys");
        if (declared != slots.size()) {
            throw new FormatException(source, "NUM_PUBKEYS",
                    "declares " + declared + " keys but PubKeys holds " + slots.size());
        }
        in.expectBlock(API, "keystore API");
        in.expectEnd();
        return new KeystoreC(new Keystore(slots, source), lastAlgorithm);
    }

    private static AuthType parseLastAlgorithm(Lines in) throws FormatException {
        String line = in.next("last_algorithm");
        if (line.startsWith(GUARD_PREFIX) && line.endsWith(GUARD_SUFFIX)
                && line.length() >= GUARD_PREFIX.length() + GUARD_SUFFIX.length()) {
            String name = line.substring(GUARD_PREFIX.length(), line.length() - GUARD_SUFFIX.length());
            for (AuthType t : AuthType.values()) {
                if (t.wolfBootName().equals(name)) {
                    return t;
                }
            }
        }
        throw in.error("last_algorithm", "expected '" + GUARD_PREFIX + "<ALG>" + GUARD_SUFFIX
                + "' with a known algorithm", line);
    }

    private static KeystoreSlot parseSlot(Lines in, int index) throws FormatException {
        String f = "slot[" + index + "]";
        String src = in.between(SOURCE_PREFIX, SOURCE_SUFFIX, f + ".source");
        in.expect("    {", f);

        String idText = in.between(SLOT_ID, ",", f + ".slot_id");
        long slotId = decimal(idText, Integer.MAX_VALUE);
        if (slotId < 0) {
            throw in.error(f + ".slot_id", "expected a decimal number 0.." + Integer.MAX_VALUE + " as keygen prints it",
                    idText);
        }

        String typeText = in.between(KEY_TYPE, ",", f + ".key_type");
        AuthType type = null;
        for (AuthType t : AuthType.values()) {
            if (t.keystoreConstant().equals(typeText)) {
                type = t;
            }
        }
        if (type == null) {
            throw in.error(f + ".key_type", "expected an AUTH_KEY_<ALG> symbol of a known algorithm", typeText);
        }

        String maskText = in.between(MASK, ",", f + ".part_id_mask");
        if (maskText.length() != 8 || !maskText.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
            throw in.error(f + ".part_id_mask", "expected 0x and 8 upper-case hex digits", maskText);
        }
        long mask = Long.parseLong(maskText, 16);

        String sizeText = in.between(PUBKEY_SIZE, ",", f + ".pubkey_size");
        long size = decimal(sizeText, 0xFFFFFFFFL);
        if (size < 0) {
            throw in.error(f + ".pubkey_size", "expected a decimal u32 as keygen prints it", sizeText);
        }

        in.expect(PUBKEY_OPEN, f + ".pubkey");
        in.expect(KEY_INDENT, f + ".pubkey");
        byte[] key = parseKeyBytes(in, f + ".pubkey");
        in.expect("", f);
        in.expect("        },", f);
        in.expect("    },", f);
        in.expect("", f);
        if (key.length != size) {
            throw new FormatException(in.source, f + ".pubkey_size",
                    "declares " + size + " bytes but .pubkey holds " + key.length);
        }
        return new KeystoreSlot(slotId, type.code(), mask, size, key, src);
    }

    /** The "0x.., 0x.." lines up to the first empty line, which is consumed. */
    private static byte[] parseKeyBytes(Lines in, String field) throws FormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean lastLineSeen = false;
        for (String line = in.next(field); !line.isEmpty(); line = in.next(field)) {
            if (lastLineSeen) {
                throw in.error(field, "key bytes after a line without a trailing ','", line);
            }
            int count = 0;
            int p = KEY_INDENT.length();
            if (!line.startsWith(KEY_INDENT)) {
                throw in.error(field, "expected 12 spaces, then 0x.. bytes", line);
            }
            while (true) {
                int hi = p + 2 < line.length() ? lowerHex(line.charAt(p + 2)) : -1;
                int lo = p + 3 < line.length() ? lowerHex(line.charAt(p + 3)) : -1;
                if (!line.startsWith("0x", p) || hi < 0 || lo < 0) {
                    throw in.error(field, "expected a byte as 0x followed by 2 lower-case hex digits at column " + (p + 1),
                            line);
                }
                out.write(hi << 4 | lo);
                count++;
                p += 4;
                if (p == line.length()) {
                    lastLineSeen = true;
                    break;
                }
                if (p + 1 == line.length() && line.charAt(p) == ',') {
                    if (count != 8) {
                        throw in.error(field, "a line ending in ',' must hold 8 bytes, this one holds " + count, line);
                    }
                    break;
                }
                if (count == 8 || !line.startsWith(", ", p)) {
                    throw in.error(field, "expected ', ' between bytes, 8 bytes a line, at column " + (p + 1), line);
                }
                p += 2;
            }
        }
        if (out.size() > 0 && !lastLineSeen) {
            throw in.errorAt(in.pos - 1, field, "the last line of key bytes ends with ','");
        }
        return out.toByteArray();
    }

    private static int lowerHex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** A non-negative decimal without sign or leading zeros (as printf prints it), or -1. */
    private static long decimal(String s, long max) {
        if (s.isEmpty() || s.length() > 10 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= max ? v : -1;
    }

    /** The text as lines, with the line number of the last line read for messages. */
    private static final class Lines {
        private final String source;
        private final String[] lines;
        private final int count;
        private final boolean terminated;
        private int pos;
        private int stop;

        Lines(String source, String text) {
            this.source = source;
            this.lines = text.split("\n", -1);
            this.terminated = lines[lines.length - 1].isEmpty();
            this.count = terminated ? lines.length - 1 : lines.length;
        }

        String peek() {
            return pos < count ? lines[pos] : "";
        }

        /** The line the parse stopped at: the one it failed on, or the last one read. */
        int stopLine() {
            return stop > 0 ? stop : Math.max(pos, 1);
        }

        String next(String field) throws FormatException {
            if (pos >= count) {
                throw errorAt(count + 1, field, "unexpected end of file after line " + count);
            }
            return lines[pos++];
        }

        void expect(String literal, String field) throws FormatException {
            String line = next(field);
            if (!line.equals(literal)) {
                throw error(field, "expected " + show(literal), line);
            }
        }

        void expectBlock(String block, String field) throws FormatException {
            for (String literal : block.substring(0, block.length() - 1).split("\n", -1)) {
                expect(literal, field);
            }
        }

        /** The text between a fixed prefix and suffix that make up the whole next line. */
        String between(String prefix, String suffix, String field) throws FormatException {
            String line = next(field);
            if (!line.startsWith(prefix) || !line.endsWith(suffix) || line.length() < prefix.length() + suffix.length()) {
                throw error(field, "expected " + show(prefix + "…" + suffix), line);
            }
            return line.substring(prefix.length(), line.length() - suffix.length());
        }

        void expectEnd() throws FormatException {
            if (pos < count) {
                throw error("end of file", "expected nothing after the keystore API", lines[pos++]);
            }
            if (!terminated) {
                throw errorAt(count, "end of file", "the last line has no line break");
            }
        }

        FormatException error(String field, String expected, String found) {
            String crlf = found.endsWith("\r") ? " (CRLF line endings? keygen writes LF)" : "";
            return errorAt(pos, field, "line " + pos + ": " + expected + ", found " + show(found) + crlf);
        }

        FormatException errorAt(int line, String field, String problem) {
            stop = line;
            return new FormatException(source, field, problem);
        }

        private static String show(String s) {
            StringBuilder b = new StringBuilder("'");
            s.codePoints().limit(100).forEach(c -> {
                if (c < 0x20 || c == 0x7F) {
                    b.append(String.format(Locale.ROOT, "\\x%02x", c));
                } else if (c == 0xFEFF) {
                    b.append("\\ufeff");
                } else {
                    b.appendCodePoint(c);
                }
            });
            return b.append(s.codePointCount(0, s.length()) > 100 ? "…'" : "'").toString();
        }
    }
}
