package io.bootrig.rig.link;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Baud rate and framing of a UART ("115200 8N1"). */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits) {
    /** The STM32H5 test application's console: 115200 8N1. */
    public static final SerialSettings DEFAULT = new SerialSettings(115200, 8, Parity.NONE, StopBits.ONE);

    private static final Pattern FRAMING = Pattern.compile("([5-8])([NOEMS])(1|1\\.5|2)");

    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    public enum StopBits {
        ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

        private final String text;

        StopBits(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public SerialSettings {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, got " + dataBits);
        }
    }

    /** Baud rate plus framing such as "8N1", "7E2", "8N1.5". */
    public static SerialSettings of(int baud, String framing) {
        Matcher m = FRAMING.matcher(framing.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("framing must look like 8N1 (data bits 5-8, parity N/O/E/M/S, stop bits 1/1.5/2), got '"
                    + framing + "'");
        }
        Parity parity = switch (m.group(2)) {
            case "N" -> Parity.NONE;
            case "O" -> Parity.ODD;
            case "E" -> Parity.EVEN;
            case "M" -> Parity.MARK;
            default -> Parity.SPACE;
        };
        StopBits stop = switch (m.group(3)) {
            case "1" -> StopBits.ONE;
            case "2" -> StopBits.TWO;
            default -> StopBits.ONE_POINT_FIVE;
        };
        return new SerialSettings(baud, Integer.parseInt(m.group(1)), parity, stop);
    }

    /** "8N1". */
    public String framing() {
        return dataBits + parity.name().substring(0, 1) + stopBits;
    }

    @Override
    public String toString() {
        return baud + " " + framing();
    }
}
