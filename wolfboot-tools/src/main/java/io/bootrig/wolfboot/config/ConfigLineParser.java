package io.bootrig.wolfboot.config;

import io.bootrig.wolfboot.FormatException;
import java.util.Optional;

/** Splits one .config line into an assignment, following make's syntax for the forms a .config uses. */
final class ConfigLineParser {
    private ConfigLineParser() {}

    /** Empty for blank and comment-only lines. */
    static Optional<ConfigAssignment> parse(String source, int lineNumber, String rawLine) throws FormatException {
        String line = stripComment(rawLine).trim();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        String field = "line " + lineNumber;
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new FormatException(source, field, "expected KEY=VALUE, KEY?=VALUE or KEY:=VALUE, got '" + line + "'");
        }
        AssignmentOperator op = AssignmentOperator.SET;
        int keyEnd = eq;
        if (eq > 0) {
            switch (line.charAt(eq - 1)) {
                case '?' -> op = AssignmentOperator.DEFAULT;
                case ':' -> op = AssignmentOperator.IMMEDIATE;
                case '+' -> op = AssignmentOperator.APPEND;
                case '!' -> throw new FormatException(source, field, "shell assignment (!=) is not supported");
                default -> { }
            }
            if (op != AssignmentOperator.SET) {
                keyEnd = eq - 1;
            }
        }
        String key = line.substring(0, keyEnd).trim();
        if (key.isEmpty()) {
            throw new FormatException(source, field, "assignment without a key: '" + line + "'");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!ok) {
                String what = Character.isWhitespace(c) ? "a space" : "'" + c + "'";
                throw new FormatException(source, field, "key '" + key + "' contains " + what
                        + " (letters, digits and _ only)");
            }
        }
        String value = line.substring(eq + 1).trim().replace("\\#", "#");
        return Optional.of(new ConfigAssignment(lineNumber, key, op, value));
    }

    /** make starts a comment at the first '#' not escaped as "\#". */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
