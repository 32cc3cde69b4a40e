package io.bootrig.rig.console;

import java.util.HexFormat;

/** Console bytes as readable text: printable ASCII as is, \r \n \t \\ \" and \xNN for everything else. */
public final class Escapes {
    private static final HexFormat HEX = HexFormat.of();

    private Escapes() {}

    public static String text(byte[] data, int offset, int length) {
        StringBuilder sb = new StringBuilder(length + 8);
        for (int i = offset; i < offset + length; i++) {
            int b = data[i] & 0xFF;
            switch (b) {
                case '\r' -> sb.append("\\r");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (b >= 0x20 && b < 0x7F) {
                        sb.append((char) b);
                    } else {
                        sb.append("\\x").append(HEX.toHexDigits((byte) b));
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Each char of {@code latin1} is one byte (the console decodes bytes as ISO-8859-1). */
    public static String text(String latin1) {
        byte[] b = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return text(b, 0, b.length);
    }

    /** A pattern for messages: a quoted literal as "text", a regular expression as /regex/ (control chars escaped). */
    public static String pattern(java.util.regex.Pattern pattern) {
        String p = pattern.pattern();
        if (p.startsWith("\\Q") && p.endsWith("\\E") && p.indexOf("\\E") == p.length() - 2) {
            return '"' + text(p.substring(2, p.length() - 2)) + '"';
        }
        StringBuilder sb = new StringBuilder("/");
        for (char c : p.toCharArray()) {
            if (c < 0x20 || c >= 0x7F) {
                sb.append(text(String.valueOf(c)));
            } else {
                sb.append(c);
            }
        }
        return sb.append('/').toString();
    }

    public static String hex(byte[] data, int offset, int length) {
        StringBuilder sb = new StringBuilder(length * 3);
        for (int i = offset; i < offset + length; i++) {
            if (i > offset) {
                sb.append(' ');
            }
            sb.append(HEX.toHexDigits(data[i]));
        }
        return sb.toString();
    }
}
