package io.bootrig.rig.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Splits a telnet stream (RFC 854) into data bytes and commands. IAC IAC is a data byte 0xFF; IAC WILL/WONT/DO/DONT x
 * are option negotiations; IAC SB x ... IAC SE is a sub-negotiation (with IAC IAC inside for 0xFF); other commands
 * (NOP, GA, ...) are dropped. The state carries over between calls, so a command may straddle two reads.
 */
final class TelnetDecoder {
    static final int IAC = 255;
    static final int DONT = 254;
    static final int DO = 253;
    static final int WONT = 252;
    static final int WILL = 251;
    static final int SB = 250;
    static final int SE = 240;

    /** Receives the commands found in the stream. */
    interface Commands {
        void negotiation(int verb, int option) throws IOException;

        void subnegotiation(int option, byte[] data) throws IOException;
    }

    private enum State { DATA, IAC, VERB, SB_OPTION, SB_DATA, SB_IAC }

    private final Commands commands;
    private State state = State.DATA;
    private int verb;
    private int sbOption;
    private final ByteArrayOutputStream sbData = new ByteArrayOutputStream();

    TelnetDecoder(Commands commands) {
        this.commands = commands;
    }

    /** Decodes {@code len} bytes of {@code in} into {@code out} (room for {@code len} bytes) and returns the data count. */
    int decode(byte[] in, int off, int len, byte[] out, int outOff) throws IOException {
        int n = 0;
        for (int i = off; i < off + len; i++) {
            int b = in[i] & 0xFF;
            switch (state) {
                case DATA -> {
                    if (b == IAC) {
                        state = State.IAC;
                    } else {
                        out[outOff + n++] = (byte) b;
                    }
                }
                case IAC -> {
                    if (b == IAC) {
                        out[outOff + n++] = (byte) b;
                        state = State.DATA;
                    } else if (b >= WILL && b <= DONT) {
                        verb = b;
                        state = State.VERB;
                    } else if (b == SB) {
                        state = State.SB_OPTION;
                    } else {
                        state = State.DATA;
                    }
                }
                case VERB -> {
                    state = State.DATA;
                    commands.negotiation(verb, b);
                }
                case SB_OPTION -> {
                    sbOption = b;
                    sbData.reset();
                    state = State.SB_DATA;
                }
                case SB_DATA -> {
                    if (b == IAC) {
                        state = State.SB_IAC;
                    } else {
                        sbData.write(b);
                    }
                }
                case SB_IAC -> {
                    if (b == SE) {
                        state = State.DATA;
                        commands.subnegotiation(sbOption, sbData.toByteArray());
                    } else {
                        sbData.write(b);
                        state = State.SB_DATA;
                    }
                }
            }
        }
        return n;
    }
}
