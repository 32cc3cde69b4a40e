package io.bootrig.rig.openocd;

/**
 * Builds TCL commands whose arguments arrive verbatim: every character TCL would interpret
 * ({@code [ ] { } $ ; " \} and white space) is backslash-escaped, so a file path with spaces,
 * brackets or {@code $} cannot inject a command.
 */
public final class Tcl {
    private Tcl() {}

    /** One TCL word that evaluates to exactly {@code value}. */
    public static String word(String value) {
        if (value.isEmpty()) {
            return "{}";
        }
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '[', ']', '{', '}', '$', ';', '"', '\\', ' ', '#' -> sb.append('\\').append(c);
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A command: the name as given (a literal proc name), then each argument as a {@link #word}. */
    public static String command(String name, Object... args) {
        StringBuilder sb = new StringBuilder(name);
        for (Object a : args) {
            sb.append(' ').append(word(String.valueOf(a)));
        }
        return sb.toString();
    }

    /** A number as TCL hex. */
    public static String hex(long value) {
        return String.format("0x%08x", value);
    }
}
