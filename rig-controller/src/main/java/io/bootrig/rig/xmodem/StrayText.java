package io.bootrig.rig.xmodem;

/**
 * The last bytes the other side sent that were not protocol bytes, kept for failure messages: a receiver that
 * gave up often says why on the same line ("Transfer failed").
 */
final class StrayText {
    private static final int KEEP = 160;

    private final StringBuilder text = new StringBuilder();
    private int count;

    void add(int b) {
        count++;
        if (b == '\r' || b == '\n') {
            if (text.length() > 0 && text.charAt(text.length() - 1) != '|') {
                text.append('|');
            }
        } else if (b >= 0x20 && b < 0x7F) {
            text.append((char) b);
        } else {
            text.append(String.format("<%02X>", b));
        }
        if (text.length() > KEEP) {
            text.delete(0, text.length() - KEEP);
        }
    }

    /** " (the receiver also sent: ...)" or "" when it sent nothing else. */
    String asSuffix(String who) {
        if (count == 0) {
            return "";
        }
        return " (the " + who + " also sent " + count + " other byte" + (count == 1 ? "" : "s") + ": \"" + text
                + "\")";
    }
}
