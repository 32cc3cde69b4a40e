package io.bootrig.wolfboot.keystore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * keystore.c as QA receives it when keygen 2.9.0 did not write it byte for byte: other line
 * endings, editors' trimming and re-indenting, an older keygen's boilerplate, other spellings of
 * the same numbers. Each variant holds the same keys as the vector it is made from.
 */
public final class KeystoreCVariants {
    private KeystoreCVariants() {}

    /** Boilerplate keygen 2.9.0 writes and older versions did not. */
    static final String RENESAS_EFI_SECTIONS = """
            #elif defined(__CCRX__) || defined(WOLFBOOT_RENESAS_RSIP) || defined(WOLFBOOT_RENESAS_TSIP) || defined(WOLFBOOT_RENESAS_SCEPROTECT)
            #define KEYSTORE_SECTION /* Renesas RX */
            #elif defined(TARGET_x86_64_efi) || defined(TARGET_aarch64_efi)
            #define KEYSTORE_SECTION
            """;

    private static final Map<String, UnaryOperator<String>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("CRLF", t -> t.replace("\n", "\r\n"));
        VARIANTS.put("CR", t -> t.replace("\n", "\r"));
        VARIANTS.put("UTF-8 byte order mark", t -> "\uFEFF" + t);
        VARIANTS.put("trailing white space trimmed", t -> t.replaceAll("(?m)[ \t]+$", ""));
        VARIANTS.put("re-indented with tabs", KeystoreCVariants::tabs);
        VARIANTS.put("older keygen boilerplate", t -> changed(t,
                t.replace(RENESAS_EFI_SECTIONS, "")
                        .replace("return PubKeys[id].part_id_mask;", "return (int)PubKeys[id].part_id_mask;")));
        VARIANTS.put("hex slot ids, lower-case and decimal masks", KeystoreCVariants::numbers);
        VARIANTS.put("fields reordered, upper-case key bytes", KeystoreCVariants::reordered);
        VARIANTS.put("white space squeezed, comments added", t -> changed(t, t.replace(", ", ",").replace(" = ", "=")
                .replace("PubKeys[NUM_PUBKEYS] = {", "PubKeys[NUM_PUBKEYS] = { // one slot per key\n")
                .replace("    },\n", "    }, /* end of slot */\n")));
    }

    /** The names of the variants, for parameterised tests. */
    public static Iterable<String> names() {
        return VARIANTS.keySet();
    }

    public static String of(String name, String vector) {
        return VARIANTS.get(name).apply(vector);
    }

    private static String tabs(String t) {
        Matcher m = Pattern.compile("(?m)^((?:    )+)").matcher(t);
        return changed(t, m.replaceAll(r -> "\t".repeat(r.group(1).length() / 4)));
    }

    /** Slot ids in hex, the first mask in lower-case hex with U, the others in decimal with UL; sizes in hex. */
    private static String numbers(String t) {
        String s = Pattern.compile("\\.slot_id = (\\d+),").matcher(t)
                .replaceAll(r -> ".slot_id = 0x" + Integer.toHexString(Integer.parseInt(r.group(1))) + ",");
        s = Pattern.compile("\\.pubkey_size = (\\d+),").matcher(s)
                .replaceAll(r -> ".pubkey_size = 0X" + Integer.toHexString(Integer.parseInt(r.group(1))) + ",");
        Matcher m = Pattern.compile("\\.part_id_mask = 0x([0-9A-F]{8}),").matcher(s);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            String mask = first ? "0x" + m.group(1).toLowerCase() + "U" : Long.parseLong(m.group(1), 16) + "UL";
            m.appendReplacement(out, ".part_id_mask = " + mask + ",");
            first = false;
        }
        return changed(t, m.appendTail(out).toString());
    }

    /** .slot_id after .pubkey_size and .key_type first; key bytes as 0X.. upper-case. */
    private static String reordered(String t) {
        String s = Pattern.compile("(\\s+\\.slot_id = \\d+,)(\\s+\\.key_type = \\w+,)(\\s+\\.part_id_mask = \\w+,)"
                + "(\\s+\\.pubkey_size = \\d+,)").matcher(t).replaceAll("$2$3$4$1");
        return changed(t, Pattern.compile("0x([0-9a-f]{2})").matcher(s).replaceAll(r -> "0X" + r.group(1).toUpperCase()));
    }

    private static String changed(String from, String to) {
        if (to.equals(from)) {
            throw new IllegalStateException("the variant did not change the vector");
        }
        return to;
    }
}
