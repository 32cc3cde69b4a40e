package io.bootrig.rig.xmodem;

/** How a packet's data is checked. The receiver chooses it with its first request: NAK or 'C'. */
public enum ErrorCheck {
    /** One byte, the sum of the data bytes; requested with NAK. */
    CHECKSUM(ControlByte.NAK, 1, "checksum"),
    /** Two bytes, CRC-16/XMODEM big-endian; requested with 'C'. */
    CRC16(ControlByte.CRC_REQUEST, 2, "CRC-16");

    private final int request;
    private final int length;
    private final String label;

    ErrorCheck(int request, int length, String label) {
        this.request = request;
        this.length = length;
        this.label = label;
    }

    /** The byte a receiver sends to ask for a transfer in this mode. */
    public int request() {
        return request;
    }

    /** Bytes of the check at the end of a packet. */
    public int length() {
        return length;
    }

    public String label() {
        return label;
    }

    int compute(byte[] data, int offset, int length) {
        return this == CRC16 ? Crc16.of(data, offset, length) : Checksum.of(data, offset, length);
    }
}
