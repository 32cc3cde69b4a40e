package io.bootrig.rig.xmodem;

/** The two XMODEM data block sizes and the header byte that announces each. */
public enum BlockSize {
    B128(128, ControlByte.SOH, "128"),
    /** XMODEM-1K: only for a receiver known to take STX blocks, and only in CRC mode. */
    B1K(1024, ControlByte.STX, "1k");

    private final int bytes;
    private final int header;
    private final String label;

    BlockSize(int bytes, int header, String label) {
        this.bytes = bytes;
        this.header = header;
        this.label = label;
    }

    public int bytes() {
        return bytes;
    }

    int header() {
        return header;
    }

    /** "128" or "1k", as the CLI spells it. */
    public String label() {
        return label;
    }

    static BlockSize ofHeader(int header) {
        return header == ControlByte.STX ? B1K : B128;
    }
}
