package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.FormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C source as tokens, for reading a keystore.c by its structure: line endings, indentation and
 * comments are gone, a preprocessor directive is one token, and keygen's
 * {@code /* Key associated to file '…' *}{@code /} comment is kept on the code token after it.
 */
final class CTokens {
    private CTokens() {}

    enum Kind { IDENT, NUMBER, PUNCT, STRING, DIRECTIVE, END }

    /**
     * @param text    the token; for a directive, what follows '#' with comments and line
     *                continuations removed and white space collapsed ("define NUM_PUBKEYS 2")
     * @param line    1-based line it starts on
     * @param keyFile the file named by a key comment between the previous code token and this one, or null
     */
    record Token(Kind kind, String text, int line, String keyFile) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final Pattern KEY_COMMENT = Pattern.compile("/\\*\\s*Key associated to file '([^\\r\\n]*)'\\s*\\*/");

    /** The tokens of the text, ending with an END token. */
    static List<Token> of(String source, String text) throws FormatException {
        return new Scanner(source, text).scan();
    }

    private static final class Scanner {
        private final String source;
        private final String s;
        private final List<Token> out = new ArrayList<>();
        private int i;
        private int line = 1;
        private boolean lineStart = true;
        private String keyFile;

        Scanner(String source, String s) {
            this.source = source;
            this.s = s;
        }

        List<Token> scan() throws FormatException {
            i = s.startsWith("\uFEFF") ? 1 : 0; // a byte order mark, as some Windows editors write
            while (i < s.length()) {
                char c = s.charAt(i);
                if (newline()) {
                    lineStart = true;
                } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B) {
                    i++;
                } else if (s.startsWith("/*", i)) {
                    String comment = blockComment();
                    Matcher m = KEY_COMMENT.matcher(comment);
                    if (m.matches()) {
                        keyFile = m.group(1);
                    }
                } else if (s.startsWith("//", i)) {
                    lineComment();
                } else if (c == '#' && lineStart) {
                    directive();
                } else {
                    code(c);
                    lineStart = false;
                }
            }
            out.add(new Token(Kind.END, "end of file", line, null));
            return out;
        }

        /** Consumes one line break (LF, CRLF or CR) if there is one here. */
        private boolean newline() {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                return true;
            }
            return false;
        }

        private String blockComment() throws FormatException {
            int start = i;
            int end = s.indexOf("*/", i + 2);
            if (end < 0) {
                throw new FormatException(source, "comment", "line " + line + ": '/*' is never closed");
            }
            while (i < end) {
                if (!newline()) {
                    i++;
                }
            }
            i = end + 2;
            return s.substring(start, i);
        }

        private void lineComment() {
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
        }

        private void directive() throws FormatException {
            int startLine = line;
            StringBuilder text = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\n' || s.charAt(i + 1) == '\r')) {
                    i++;
                    newline();
                } else if (c == '\n' || c == '\r') {
                    break;
                } else if (s.startsWith("/*", i)) {
                    blockComment();
                    text.append(' ');
                } else if (s.startsWith("//", i)) {
                    lineComment();
                } else if (c == '"' || c == '\'') {
                    int start = i;
                    skipQuoted(c);
                    text.append(s, start, i);
                } else {
                    text.append(c);
                    i++;
                }
            }
            out.add(new Token(Kind.DIRECTIVE, text.toString().trim().replaceAll("\\s+", " "), startLine, null));
        }

        private void code(char c) {
            int start = i;
            Kind kind;
            if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                while (i < s.length() && isWord(s.charAt(i))) {
                    i++;
                }
                kind = Kind.IDENT;
            } else if (c >= '0' && c <= '9') {
                while (i < s.length() && (isWord(s.charAt(i)) || s.charAt(i) == '.')) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (c == '"' || c == '\'') {
                skipQuoted(c);
                kind = Kind.STRING;
            } else {
                i++;
                kind = Kind.PUNCT;
            }
            out.add(new Token(kind, s.substring(start, i), line, keyFile));
            keyFile = null;
        }

        /** Moves past the string or character literal starting here; an unclosed one ends with its line. */
        private void skipQuoted(char quote) {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != quote && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
                j += s.charAt(j) == '\\' && j + 1 < s.length() && s.charAt(j + 1) != '\n' && s.charAt(j + 1) != '\r'
                        ? 2 : 1;
            }
            i = j < s.length() && s.charAt(j) == quote ? j + 1 : j;
        }

        private static boolean isWord(char c) {
            return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
