package io.bootrig.rig.xmodem;

/** The XMODEM control bytes. */
final class ControlByte {
    static final int SOH = 0x01;
    static final int STX = 0x02;
    static final int EOT = 0x04;
    static final int ACK = 0x06;
    static final int NAK = 0x15;
    static final int CAN = 0x18;
    /** The receiver's request for CRC-16 mode. */
    static final int CRC_REQUEST = 'C';
    /** Fills the last block (CP/M end of file). */
    static final byte PAD = 0x1A;

    private ControlByte() {}

    /** A byte as it appears in a message: "NAK", "'C'", "0x41". */
    static String name(int b) {
        return switch (b) {
            case SOH -> "SOH";
            case STX -> "STX";
            case EOT -> "EOT";
            case ACK -> "ACK";
            case NAK -> "NAK";
            case CAN -> "CAN";
            case CRC_REQUEST -> "'C'";
            default -> String.format("0x%02X", b);
        };
    }
}
