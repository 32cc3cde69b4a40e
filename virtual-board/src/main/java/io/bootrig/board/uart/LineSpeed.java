package io.bootrig.board.uart;

/**
 * How fast bytes cross the UART: a baud rate with 8N1 framing (10 bits a byte, so 115200 baud is
 * 11520 bytes/s each way), or unpaced (as fast as the host side moves them; for fast tests).
 *
 * @param baud bits per second, 0 for unpaced
 */
public record LineSpeed(int baud) {
    public static final LineSpeed UNPACED = new LineSpeed(0);
    /** USART3 of the test application: 115200 8N1. */
    public static final LineSpeed DEFAULT = new LineSpeed(115_200);
    private static final int BITS_PER_BYTE = 10;

    public LineSpeed {
        if (baud < 0) {
            throw new IllegalArgumentException("baud rate " + baud);
        }
    }

    /** "unpaced" or a positive number. */
    public static LineSpeed parse(String text) {
        if (text.equalsIgnoreCase("unpaced") || text.equals("0")) {
            return UNPACED;
        }
        try {
            int baud = Integer.parseInt(text);
            if (baud > 0) {
                return new LineSpeed(baud);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("baud rate '" + text + "': a positive number or 'unpaced'");
    }

    public boolean paced() {
        return baud > 0;
    }

    /** Nanoseconds one byte occupies the line; 0 when unpaced. */
    public long byteNanos() {
        return paced() ? BITS_PER_BYTE * 1_000_000_000L / baud : 0;
    }

    @Override
    public String toString() {
        return paced() ? baud + " 8N1" : "unpaced";
    }
}
