package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.LittleEndian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Deterministic random corruptions of a file, for parser robustness tests. */
public final class Mutator {
    private static final long[] INTERESTING_U32 = {0, 1, 2, 16, 32, 60, 64, 294, 320, 4095, 4096, 4097, 0xFFFF,
        0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL};
    private static final String[] INTERESTING_TOKENS = {"0", "1", "-1", "2", "3", "007", "2147483647", "2147483648",
        "4294967295", "4294967296", "99999999999", "0x10", "0xFFFFFFFF", "0xffffffff", "AUTH_KEY_NONE",
        "AUTH_KEY_RSA4096", "AUTH_KEY_XMSS", "LMS", "ML_DSA", "", " ", "\r", "\t", ",", "}", "{", "'", "*/", "\u00e9",
        "\ud800"};

    private final Random random;
    private String last = "";

    public Mutator(long seed) {
        random = new Random(seed);
    }

    /** What the last mutation did, for failure messages. */
    public String last() {
        return last;
    }

    public byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int op = random.nextInt(8);
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        switch (op) {
            case 0 -> {
                int n = 1 + random.nextInt(3);
                for (int i = 0; i < n && b.length > 0; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                last = "flip " + n + " bits";
            }
            case 1 -> {
                if (b.length > 0) {
                    b[at] = (byte) random.nextInt(256);
                }
                last = "set byte " + at;
            }
            case 2 -> {
                b = Arrays.copyOf(b, at);
                last = "truncate to " + at;
            }
            case 3 -> {
                byte[] ins = new byte[1 + random.nextInt(20)];
                random.nextBytes(ins);
                b = splice(b, at, 0, ins);
                last = "insert " + ins.length + " at " + at;
            }
            case 4 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(40));
                b = splice(b, at, len, new byte[0]);
                last = "delete " + len + " at " + at;
            }
            case 5 -> {
                int len = Math.min(b.length - at, 1 + random.nextInt(80));
                b = splice(b, at, 0, Arrays.copyOfRange(b, at, at + len));
                last = "duplicate " + len + " at " + at;
            }
            default -> {
                if (b.length >= 4) {
                    int aligned = (at & ~3) <= b.length - 4 ? at & ~3 : b.length - 4;
                    long v = INTERESTING_U32[random.nextInt(INTERESTING_U32.length)];
                    LittleEndian.putU32(b, aligned, v);
                    last = "u32 at " + aligned + " = " + v;
                }
            }
        }
        return b;
    }

    /** Edits of the text's tokens and lines, or of its UTF-8 bytes. */
    public String mutateText(String text) {
        int op = random.nextInt(8);
        if (op >= 5 || text.isEmpty()) {
            return mutateLines(op >= 5 ? op : 7, text.split("\n", -1));
        }
        int[] t = token(text, random.nextInt(text.length()));
        switch (op) {
            case 0, 1 -> {
                String to = INTERESTING_TOKENS[random.nextInt(INTERESTING_TOKENS.length)];
                last = "token at " + t[0] + " -> '" + to + "'";
                return text.substring(0, t[0]) + to + text.substring(t[1]);
            }
            case 2 -> {
                int[] other = token(text, random.nextInt(text.length()));
                last = "token at " + t[0] + " -> token at " + other[0];
                return text.substring(0, t[0]) + text.substring(other[0], other[1]) + text.substring(t[1]);
            }
            case 3 -> {
                last = "delete token at " + t[0];
                return text.substring(0, t[0]) + text.substring(t[1]);
            }
            default -> {
                last = "duplicate token at " + t[0];
                return text.substring(0, t[1]) + text.substring(t[0], t[1]) + text.substring(t[1]);
            }
        }
    }

    private String mutateLines(int op, String[] lines) {
        List<String> l = new ArrayList<>(List.of(lines));
        int line = random.nextInt(lines.length);
        int other = random.nextInt(lines.length);
        switch (op) {
            case 5 -> {
                l.remove(line);
                last = "delete line " + (line + 1);
            }
            case 6 -> {
                l.set(line, lines[other]);
                l.set(other, lines[line]);
                last = "swap lines " + (line + 1) + " and " + (other + 1);
            }
            default -> {
                l.add(line, lines[other]);
                last = "insert a copy of line " + (other + 1) + " at " + (line + 1);
            }
        }
        return String.join("\n", l);
    }

    /** The [start, end) of the token (a word, one white-space or one other character) around {@code at}. */
    private static int[] token(String text, int at) {
        if (!isWord(text.charAt(at))) {
            return new int[] {at, at + 1};
        }
        int start = at;
        int end = at;
        while (start > 0 && isWord(text.charAt(start - 1))) {
            start--;
        }
        while (end < text.length() && isWord(text.charAt(end))) {
            end++;
        }
        return new int[] {start, end};
    }

    private static boolean isWord(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
