package io.bootrig.board;

import io.bootrig.board.uart.LineSpeed;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The board process's command line.
 *
 * @param state         the directory holding the board's flash, OTP and option bytes
 * @param name          the board's name (sim, sim-1, …)
 * @param lineSpeed     the console's baud rate, or unpaced
 * @param console       pty or tcp (or none)
 * @param xmodemTimeout the test application's XMODEM timeout
 * @param detached      run until quit or SIGTERM, ignoring stdin (for `rig sim start`)
 * @param deviceId      DBGMCU DEV_ID (0x484; another value plays a wrong board)
 */
record BoardProcessOptions(Path state, String name, LineSpeed lineSpeed, ConsoleKind console, Duration xmodemTimeout,
        boolean detached, int deviceId) {
    static final String USAGE = "usage: VirtualBoardMain --state DIR [--name sim-1] [--baud N|unpaced] "
            + "[--console pty|tcp|none] [--xmodem-timeout-ms N] [--device-id HEX] [--detached]";

    /** @throws IllegalArgumentException with a message naming the bad option */
    static BoardProcessOptions parse(String[] args) {
        Path state = null;
        String name = "sim";
        LineSpeed lineSpeed = LineSpeed.DEFAULT;
        ConsoleKind console = ConsoleKind.PTY;
        Duration xmodemTimeout = Duration.ofSeconds(1);
        boolean detached = false;
        int deviceId = 0x484;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (option.equals("--detached")) {
                detached = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--state" -> state = Path.of(value).toAbsolutePath();
                case "--name" -> name = value;
                case "--baud" -> lineSpeed = LineSpeed.parse(value);
                case "--console" -> console = ConsoleKind.parse(value);
                case "--xmodem-timeout-ms" -> xmodemTimeout = Duration.ofMillis(positive(option, value));
                case "--device-id" -> deviceId = deviceId(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        if (state == null) {
            throw new IllegalArgumentException("--state DIR is required; " + USAGE);
        }
        return new BoardProcessOptions(state, name, lineSpeed, console, xmodemTimeout, detached, deviceId);
    }

    private static int deviceId(String value) {
        try {
            int id = Integer.decode(value);
            if (id >= 0 && id <= 0xFFF) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--device-id: '" + value + "' is not a 12-bit DEV_ID such as 0x484");
    }

    private static long positive(String option, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " '" + value + "' must be a positive number");
    }
}
