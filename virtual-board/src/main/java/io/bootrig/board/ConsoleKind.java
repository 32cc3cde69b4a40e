package io.bootrig.board;

import java.util.Locale;

/** Where the board's console (USART3, the ST-LINK VCP on a real board) appears on the host. */
public enum ConsoleKind {
    /** A pseudo-terminal, /dev/pts/N, opened like /dev/ttyACM0. */
    PTY,
    /** A raw TCP port on 127.0.0.1, like ser2net's raw mode. */
    TCP,
    /** Not connected: output dropped, no input. */
    NONE;

    public static ConsoleKind parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("console '" + text + "': pty, tcp or none");
        }
    }
}
