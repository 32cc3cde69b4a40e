package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.keystore.CTokens.Kind;
import io.bootrig.wolfboot.keystore.CTokens.Token;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A keystore.c read by its C structure rather than its text, for files keygen 2.9.0 did not write
 * byte for byte: other keygen versions' boilerplate, other line endings, indentation or number
 * spellings, comments. What it reads:
 *
 * <ul>
 *   <li>the {@code PubKeys[NUM_PUBKEYS] = { … };} initializer, each slot given by the designated
 *       fields .slot_id, .key_type, .part_id_mask, .pubkey_size and .pubkey, in any order;
 *   <li>the last {@code #define NUM_PUBKEYS n} before it (the one the signing build sees);
 *   <li>the last algorithm from the {@code KEYSTORE_PUBKEY_SIZE_<ALG>} guard, or the last slot's type;
 *   <li>each slot's key file from keygen's comment before it, when present.
 * </ul>
 *
 * Anything inconsistent is a {@link FormatException} naming the field, as the exact parser does.
 */
final class KeystoreCStructure {
    private static final List<String> FIELDS = List.of("slot_id", "key_type", "part_id_mask", "pubkey_size", "pubkey");
    private static final Pattern GUARD = Pattern.compile("\\bKEYSTORE_PUBKEY_SIZE_(\\w+)");
    private static final Pattern SUFFIX = Pattern.compile("[uU]?(?:ll|LL|[lL])?|(?:ll|LL|[lL])[uU]");
    private static final long U32_MAX = 0xFFFFFFFFL;

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private KeystoreCStructure(String source, List<Token> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    /** The keystore in the text; {@code deviation} says where it stopped being keygen's exact text. */
    static KeystoreC parse(String source, String text, KeystoreC.Deviation deviation) throws FormatException {
        return new KeystoreCStructure(source, CTokens.of(source, text)).read(deviation);
    }

    private KeystoreC read(KeystoreC.Deviation deviation) throws FormatException {
        int decl = declaration();
        if (decl < 0) {
            throw new FormatException(source, "PubKeys",
                    "not a wolfBoot keystore.c: no 'PubKeys[NUM_PUBKEYS] = { … };' array");
        }
        Token count = declaredCount(decl);
        long declared = u32(count, "NUM_PUBKEYS");
        AuthType guard = guardAlgorithm(decl);
        pos = decl + 5;
        expect("{", "PubKeys");
        List<KeystoreSlot> slots = new ArrayList<>();
        while (!peek().is("}")) {
            if (!peek().is("{")) {
                throw error("PubKeys", "'{' of slot[" + slots.size() + "] or '}' closing PubKeys", next());
            }
            slots.add(slot(slots.size()));
            if (!peek().is("}")) {
                expect(",", "PubKeys", "',' or '}'");
            }
        }
        pos++;
        expect(";", "PubKeys");
        if (declared != slots.size()) {
            throw new FormatException(source, "NUM_PUBKEYS", "line " + count.line() + ": declares " + declared
                    + " keys but PubKeys holds " + slots.size());
        }
        checkBrackets();
        checkConditionals();
        AuthType last = guard != null ? guard : lastSlotType(slots);
        return new KeystoreC(new Keystore(slots, source), last, Optional.of(deviation));
    }

    /** Index of the PubKeys token of {@code PubKeys [ n ] =}, or -1. */
    private int declaration() {
        for (int i = 0; i + 4 < tokens.size(); i++) {
            Token t = tokens.get(i);
            Kind dim = tokens.get(i + 2).kind();
            if (t.kind() == Kind.IDENT && t.text().equals("PubKeys") && tokens.get(i + 1).is("[")
                    && (dim == Kind.IDENT || dim == Kind.NUMBER) && tokens.get(i + 3).is("]")
                    && tokens.get(i + 4).is("=")) {
                return i;
            }
        }
        return -1;
    }

    /** The array's dimension: a number, or the value of the last #define of the macro named before the array. */
    private Token declaredCount(int decl) throws FormatException {
        Token dim = tokens.get(decl + 2);
        if (dim.kind() == Kind.NUMBER) {
            return dim;
        }
        Token value = null;
        for (int i = 0; i < decl; i++) {
            Token t = tokens.get(i);
            String[] words = directive(t).equals("define") ? t.text().split(" ", 3) : new String[0];
            if (words.length >= 2 && words[1].equals(dim.text())) {
                value = new Token(Kind.NUMBER, words.length == 3 ? words[2] : "", t.line(), null);
            }
        }
        if (value == null) {
            throw new FormatException(source, "NUM_PUBKEYS", "line " + dim.line() + ": PubKeys[" + dim.text()
                    + "] but no '#define " + dim.text() + " <count>' before it");
        }
        return value;
    }

    /** The algorithm of the last KEYSTORE_PUBKEY_SIZE_&lt;ALG&gt; guard before the array, or null. */
    private AuthType guardAlgorithm(int decl) throws FormatException {
        AuthType found = null;
        for (int i = 0; i < decl; i++) {
            Token t = tokens.get(i);
            Matcher m = GUARD.matcher(t.text());
            if ((directive(t).equals("if") || directive(t).equals("elif")) && m.find()) {
                found = algorithm(m.group(1));
                if (found == null) {
                    throw new FormatException(source, "last_algorithm", "line " + t.line() + ": KEYSTORE_PUBKEY_SIZE_"
                            + m.group(1) + " names no algorithm wolfBoot knows");
                }
            }
        }
        return found;
    }

    private AuthType lastSlotType(List<KeystoreSlot> slots) throws FormatException {
        if (slots.isEmpty()) {
            throw new FormatException(source, "last_algorithm",
                    "no KEYSTORE_PUBKEY_SIZE_<ALG> guard and no key to take the algorithm from");
        }
        KeystoreSlot last = slots.get(slots.size() - 1);
        return last.authType().orElseThrow(() -> new FormatException(source, "last_algorithm",
                "no KEYSTORE_PUBKEY_SIZE_<ALG> guard, and the last key's type " + last.keyType()
                        + " is no AUTH_KEY_* algorithm"));
    }

    private KeystoreSlot slot(int index) throws FormatException {
        String f = "slot[" + index + "]";
        Token open = expect("{", f);
        Set<String> given = new HashSet<>();
        long slotId = 0;
        long keyType = 0;
        long mask = 0;
        long size = 0;
        byte[] key = null;
        while (!peek().is("}")) {
            expect(".", f);
            Token name = next();
            String field = f + "." + name.text();
            if (name.kind() != Kind.IDENT || !FIELDS.contains(name.text())) {
                throw error(f, "one of the fields ." + String.join(", .", FIELDS), name);
            }
            if (!given.add(name.text())) {
                throw new FormatException(source, field, "line " + name.line() + ": given twice");
            }
            expect("=", field);
            switch (name.text()) {
                case "slot_id" -> slotId = u32(next(), field);
                case "key_type" -> keyType = keyType(field);
                case "part_id_mask" -> mask = u32(next(), field);
                case "pubkey_size" -> size = u32(next(), field);
                default -> key = keyBytes(field);
            }
            if (!peek().is("}")) {
                expect(",", field, "',' or '}'");
            }
        }
        pos++;
        for (String name : FIELDS) {
            if (!given.contains(name)) {
                throw new FormatException(source, f + "." + name, "line " + open.line() + ": the slot has no ." + name);
            }
        }
        if (key.length != size) {
            throw new FormatException(source, f + ".pubkey_size",
                    "declares " + size + " bytes but .pubkey holds " + key.length);
        }
        return new KeystoreSlot(slotId, keyType, mask, size, key, open.keyFile());
    }

    private long keyType(String field) throws FormatException {
        Token t = next();
        if (t.kind() == Kind.NUMBER) {
            return u32(t, field);
        }
        for (AuthType a : AuthType.values()) {
            if (t.kind() == Kind.IDENT && a.keystoreConstant().equals(t.text())) {
                return a.code();
            }
        }
        throw error(field, "an AUTH_KEY_<ALG> symbol of a known algorithm, or a number", t);
    }

    private byte[] keyBytes(String field) throws FormatException {
        expect("{", field);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!peek().is("}")) {
            Token t = next();
            long b = u32(t, field);
            if (b > 0xFF) {
                throw new FormatException(source, field, "line " + t.line() + ": " + t.text() + " is not a byte");
            }
            out.write((int) b);
            if (!peek().is("}")) {
                expect(",", field, "',' or '}'");
            }
        }
        pos++;
        return out.toByteArray();
    }

    /** A C integer literal (decimal, 0x hex, 0 octal; u/l suffixes) of at most 32 bits. */
    private long u32(Token t, String field) throws FormatException {
        long v = t.kind() == Kind.NUMBER ? integer(t.text()) : -1;
        if (v < 0) {
            throw error(field, "a number", t);
        }
        if (v > U32_MAX) {
            throw new FormatException(source, field, "line " + t.line() + ": " + t.text() + " is out of u32 range");
        }
        return v;
    }

    /** The literal's value, or U32_MAX + 1 when larger; -1 when the text is no C integer literal. */
    private static long integer(String s) {
        int end = s.length();
        while (end > 0 && "uUlL".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end < s.length() && !SUFFIX.matcher(s.substring(end)).matches()) {
            return -1;
        }
        boolean hex = s.startsWith("0x") || s.startsWith("0X");
        int radix = hex ? 16 : s.startsWith("0") ? 8 : 10;
        int start = hex ? 2 : 0;
        if (start >= end) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            int d = digit(s.charAt(i));
            if (d < 0 || d >= radix) {
                return -1;
            }
            v = Math.min(v * radix + d, U32_MAX + 1);
        }
        return v;
    }

    private static int digit(char c) {
        return c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                : -1;
    }

    /** Every (, [ and { in the code closed by its partner, so the file is not cut short or spliced. */
    private void checkBrackets() throws FormatException {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            if (t.kind() != Kind.PUNCT) {
                continue;
            }
            int kind = "([{".indexOf(t.text());
            int close = ")]}".indexOf(t.text());
            if (kind >= 0) {
                open.push(t);
            } else if (close >= 0) {
                if (open.isEmpty() || "([{".indexOf(open.peek().text()) != close) {
                    throw new FormatException(source, "brackets", "line " + t.line() + ": '" + t.text() + "' closes "
                            + (open.isEmpty() ? "nothing" : "'" + open.peek().text() + "' of line " + open.peek().line()));
                }
                open.pop();
            }
        }
        if (!open.isEmpty()) {
            throw new FormatException(source, "brackets",
                    "'" + open.peek().text() + "' of line " + open.peek().line() + " is never closed");
        }
    }

    /** Every #if, #ifdef and #ifndef ended by an #endif. */
    private void checkConditionals() throws FormatException {
        Deque<Token> open = new ArrayDeque<>();
        for (Token t : tokens) {
            String word = directive(t);
            switch (word) {
                case "if", "ifdef", "ifndef" -> open.push(t);
                case "elif", "else", "endif" -> {
                    if (open.isEmpty()) {
                        throw new FormatException(source, "#if", "line " + t.line() + ": #" + word + " without #if");
                    }
                    if (word.equals("endif")) {
                        open.pop();
                    }
                }
                default -> { }
            }
        }
        if (!open.isEmpty()) {
            throw new FormatException(source, "#if", "#" + directive(open.peek()) + " of line "
                    + open.peek().line() + " has no #endif");
        }
    }

    /** The directive's name ("define", "if", …), or "" for other tokens. */
    private static String directive(Token t) {
        if (t.kind() != Kind.DIRECTIVE) {
            return "";
        }
        int end = 0;
        while (end < t.text().length() && t.text().charAt(end) >= 'a' && t.text().charAt(end) <= 'z') {
            end++;
        }
        return t.text().substring(0, end);
    }

    private static AuthType algorithm(String wolfBootName) {
        for (AuthType t : AuthType.values()) {
            if (t.wolfBootName().equals(wolfBootName)) {
                return t;
            }
        }
        return null;
    }

    private Token peek() {
        return tokens.get(pos);
    }

    /** The next token; END stays put, so a cut-short file ends in an error naming the field. */
    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private Token expect(String punct, String field) throws FormatException {
        return expect(punct, field, "'" + punct + "'");
    }

    private Token expect(String punct, String field, String expected) throws FormatException {
        Token t = next();
        if (!t.is(punct)) {
            throw error(field, expected, t);
        }
        return t;
    }

    private FormatException error(String field, String expected, Token found) {
        String what = found.kind() == Kind.END ? "the end of the file"
                : found.kind() == Kind.DIRECTIVE ? "'#" + shorten(found.text()) + "'"
                : "'" + shorten(found.text()) + "'";
        return new FormatException(source, field, "line " + found.line() + ": expected " + expected + ", found " + what);
    }

    private static String shorten(String s) {
        String printable = s.codePoints()
                .collect(StringBuilder::new, (b, c) -> {
                    if (c < 0x20 || c == 0x7F) {
                        b.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }, StringBuilder::append).toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
