package io.bootrig.board.debug;

import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenOCD's remote_bitbang protocol (JTAG subset, as in OpenOCD 0.12.0): one character per
 * command. '0'-'7' drive TCK, TMS, TDI (bits 2, 1, 0); 'R' reads TDO and answers '0' or '1';
 * 'r' 's' 't' 'u' set TRST and SRST (bits 1 and 0, 1 = asserted); 'B' and 'b' (LED) are ignored;
 * 'Q' ends the session.
 */
final class RemoteBitbangProtocol {
    private static final Logger log = LoggerFactory.getLogger(RemoteBitbangProtocol.class);

    private final JtagTap tap;
    private final ResetSignals resets;
    private boolean trst;
    private boolean srst;

    RemoteBitbangProtocol(JtagTap tap, ResetSignals resets) {
        this.tap = tap;
        this.resets = resets;
    }

    /**
     * Executes the commands in {@code input[0..length)} and appends the replies to {@code replies}.
     *
     * @return true when the host sent 'Q'; the rest of the input is ignored
     */
    boolean process(byte[] input, int length, ByteArrayOutputStream replies) {
        for (int i = 0; i < length; i++) {
            int command = input[i];
            switch (command) {
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int pins = command - '0';
                    tap.drive((pins & 4) != 0, (pins & 2) != 0, (pins & 1) != 0);
                }
                case 'R' -> replies.write(tap.tdo() ? '1' : '0');
                case 'r', 's', 't', 'u' -> setResets((command - 'r') & 2, (command - 'r') & 1);
                case 'Q' -> {
                    return true;
                }
                case 'B', 'b', '\n', '\r' -> { }
                default -> log.debug("ignoring remote_bitbang command 0x{}", Integer.toHexString(command & 0xFF));
            }
        }
        return false;
    }

    /** The adapter went away: its reset lines float to deasserted. */
    void endSession() {
        setResets(0, 0);
    }

    private void setResets(int trstBit, int srstBit) {
        boolean newTrst = trstBit != 0;
        boolean newSrst = srstBit != 0;
        if (newTrst != trst) {
            trst = newTrst;
            resets.testReset(newTrst);
        }
        if (newSrst != srst) {
            srst = newSrst;
            resets.systemReset(newSrst);
        }
    }
}
