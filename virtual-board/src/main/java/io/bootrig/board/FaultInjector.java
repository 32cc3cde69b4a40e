package io.bootrig.board;

import io.bootrig.board.firmware.FaultHooks;
import io.bootrig.board.firmware.FaultPoint;
import io.bootrig.board.soc.Stm32h563;
import io.bootrig.board.uart.ByteCountdown;
import io.bootrig.board.uart.ByteDrop;
import io.bootrig.board.uart.LineCorruption;
import io.bootrig.board.uart.Uart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Armed faults and their triggers. Power cuts strike when a firmware model reaches the matching
 * {@link FaultPoint} (the firmware runner then cuts the power, which stays off until the control
 * channel turns it on), or once the host has sent N bytes, or once N flash operations have
 * completed. UART corruption and byte loss act on the line at once. Every fault stays listed, armed or triggered, until
 * {@link #clear()}, so a test can tell a fault that never happened from one that did.
 */
public final class FaultInjector implements FaultHooks {
    private final Uart uart;
    private final Stm32h563 soc;
    private final Runnable powerCut;
    private final List<Armed> armed = new ArrayList<>();

    private static final class Armed {
        final FaultKind kind;
        final String argument;
        final long block;
        final FaultPoint point;
        LineCorruption received;
        LineCorruption transmitted;
        ByteDrop drop;
        ByteCountdown bytes;
        FlashOperationCountdown flashOperations;
        // set by the line's or the flash's thread, which may hold the SoC's lock: not under ours
        volatile boolean triggered;
        volatile String detail;

        Armed(FaultKind kind, String argument, long block, FaultPoint point, String detail) {
            this.kind = kind;
            this.argument = argument;
            this.block = block;
            this.point = point;
            this.detail = detail;
        }
    }

    /** {@code powerCut} cuts the power from the line's thread or from a flash listener. */
    FaultInjector(Uart uart, Stm32h563 soc, Runnable powerCut) {
        this.uart = uart;
        this.soc = soc;
        this.powerCut = powerCut;
    }

    /**
     * Arms a fault, replacing one of the same kind.
     *
     * @throws IllegalArgumentException for arguments the kind does not take
     */
    public synchronized FaultStatus arm(FaultKind kind, List<String> arguments) {
        Armed fault = switch (kind) {
            case POWER_CUT_AT_BLOCK -> {
                expectArguments(kind, arguments, 1, 1, "N");
                long block = positive(arguments.get(0), "block number");
                yield new Armed(kind, arguments.get(0), block, FaultPoint.XMODEM_BLOCK,
                        "waits for XMODEM block " + block + " of an update");
            }
            case POWER_CUT_AFTER_TRIGGER -> {
                expectArguments(kind, arguments, 0, 0, "");
                yield new Armed(kind, "", 0, FaultPoint.UPDATE_TRIGGERED, "waits for update_trigger");
            }
            case POWER_CUT_DURING_SWAP -> {
                expectArguments(kind, arguments, 0, 1, "[staged|committed]");
                String when = arguments.isEmpty() ? "committed" : arguments.get(0).toLowerCase(Locale.ROOT);
                FaultPoint point = switch (when) {
                    case "staged" -> FaultPoint.BANK_SWAP_STAGED;
                    case "committed" -> FaultPoint.BANK_SWAP_COMMITTED;
                    default -> throw new IllegalArgumentException(kind.label() + ": '" + when
                            + "' is neither 'staged' (before OPTSTRT) nor 'committed' (after OPTSTRT)");
                };
                yield new Armed(kind, when, 0, point, "waits for wolfBoot's bank swap (" + when + ")");
            }
            case POWER_CUT_AFTER_BYTES -> {
                expectArguments(kind, arguments, 1, 1, "N");
                long count = positive(arguments.get(0), "byte count");
                Armed cut = new Armed(kind, arguments.get(0), count, null, "waits for byte " + count + " from the host");
                cut.bytes = new ByteCountdown(count, () -> strike(cut, "power cut after byte " + count + " from the host"));
                yield cut;
            }
            case POWER_CUT_AFTER_FLASH_OPS -> {
                expectArguments(kind, arguments, 1, 1, "N");
                long count = positive(arguments.get(0), "flash operation count");
                Armed cut = new Armed(kind, arguments.get(0), count, null, "waits for flash operation " + count);
                cut.flashOperations = new FlashOperationCountdown(count,
                        () -> strike(cut, "power cut after flash operation " + count));
                yield cut;
            }
            case UART_CORRUPT -> armCorruption(arguments);
            case UART_DROP -> armDrop(arguments);
        };
        remove(kind);
        armed.add(fault);
        install(fault);
        return status(fault);
    }

    /** Disarms everything and stops any UART corruption, byte loss and counting. */
    public synchronized void clear() {
        for (FaultKind kind : FaultKind.values()) {
            remove(kind);
        }
    }

    public synchronized List<FaultStatus> list() {
        List<FaultStatus> statuses = new ArrayList<>();
        for (Armed fault : armed) {
            statuses.add(status(fault));
        }
        return statuses;
    }

    @Override
    public synchronized boolean reached(FaultPoint point, long value) {
        boolean cut = false;
        for (Armed fault : armed) {
            if (!fault.triggered && fault.point == point && (point != FaultPoint.XMODEM_BLOCK || fault.block == value)) {
                fault.triggered = true;
                fault.detail = "power cut at " + describe(point, value);
                cut = true;
            }
        }
        return cut;
    }

    private Armed armCorruption(List<String> arguments) {
        expectArguments(FaultKind.UART_CORRUPT, arguments, 1, 2, "N [rx|tx|both]");
        int every = (int) positive(arguments.get(0), "byte interval");
        String direction = arguments.size() > 1 ? arguments.get(1).toLowerCase(Locale.ROOT) : "rx";
        if (!List.of("rx", "tx", "both").contains(direction)) {
            throw new IllegalArgumentException("uart-corrupt: direction '" + direction + "' is not rx, tx or both");
        }
        Armed fault = new Armed(FaultKind.UART_CORRUPT, every + " " + direction, 0, null,
                "every " + every + " bytes, " + direction);
        if (!direction.equals("tx")) {
            fault.received = new LineCorruption(every);
        }
        if (!direction.equals("rx")) {
            fault.transmitted = new LineCorruption(every);
        }
        return fault;
    }

    private Armed armDrop(List<String> arguments) {
        expectArguments(FaultKind.UART_DROP, arguments, 2, 2, "RATE SEED");
        double rate;
        long seed;
        try {
            rate = Double.parseDouble(arguments.get(0));
            seed = Long.parseLong(arguments.get(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("uart-drop: RATE is a probability (0..1) and SEED a whole number, got '"
                    + arguments.get(0) + "' '" + arguments.get(1) + "'");
        }
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("uart-drop: RATE '" + arguments.get(0) + "' must be between 0 and 1");
        }
        Armed fault = new Armed(FaultKind.UART_DROP, arguments.get(0) + " " + seed, 0, null,
                "host bytes lost with probability " + arguments.get(0) + ", seed " + seed);
        fault.drop = new ByteDrop(rate, seed);
        return fault;
    }

    private void strike(Armed fault, String detail) {
        fault.detail = detail;
        fault.triggered = true;
        powerCut.run();
    }

    private void install(Armed fault) {
        switch (fault.kind) {
            case UART_CORRUPT -> {
                uart.corruptReceived(fault.received);
                uart.corruptTransmitted(fault.transmitted);
            }
            case UART_DROP -> uart.dropReceived(fault.drop);
            case POWER_CUT_AFTER_BYTES -> uart.countReceived(fault.bytes);
            case POWER_CUT_AFTER_FLASH_OPS -> soc.addFlashListener(fault.flashOperations);
            default -> {
                // struck by the firmware models through reached()
            }
        }
    }

    private void remove(FaultKind kind) {
        for (Armed fault : armed) {
            if (fault.kind == kind) {
                uninstall(fault);
            }
        }
        armed.removeIf(fault -> fault.kind == kind);
    }

    private void uninstall(Armed fault) {
        switch (fault.kind) {
            case UART_CORRUPT -> {
                uart.corruptReceived(null);
                uart.corruptTransmitted(null);
            }
            case UART_DROP -> uart.dropReceived(null);
            case POWER_CUT_AFTER_BYTES -> uart.countReceived(null);
            case POWER_CUT_AFTER_FLASH_OPS -> soc.removeFlashListener(fault.flashOperations);
            default -> {
                // nothing installed
            }
        }
    }

    private static FaultStatus status(Armed fault) {
        return switch (fault.kind) {
            case UART_CORRUPT -> {
                long flipped = (fault.received == null ? 0 : fault.received.bytesFlipped())
                        + (fault.transmitted == null ? 0 : fault.transmitted.bytesFlipped());
                yield new FaultStatus(fault.kind, fault.argument, flipped > 0,
                        fault.detail + "; " + flipped + " byte(s) inverted so far");
            }
            case UART_DROP -> {
                long dropped = fault.drop.bytesDropped();
                yield new FaultStatus(fault.kind, fault.argument, dropped > 0,
                        fault.detail + "; " + dropped + " byte(s) lost so far");
            }
            case POWER_CUT_AFTER_BYTES -> counted(fault, fault.bytes.bytesSeen() + " received so far");
            case POWER_CUT_AFTER_FLASH_OPS -> counted(fault, fault.flashOperations.operationsSeen() + " completed so far");
            default -> new FaultStatus(fault.kind, fault.argument, fault.triggered, fault.detail);
        };
    }

    private static FaultStatus counted(Armed fault, String progress) {
        boolean triggered = fault.triggered;
        String detail = fault.detail;
        return new FaultStatus(fault.kind, fault.argument, triggered, triggered ? detail : detail + "; " + progress);
    }

    private static String describe(FaultPoint point, long value) {
        return switch (point) {
            case XMODEM_BLOCK -> "XMODEM block " + value;
            case UPDATE_TRIGGERED -> "update_trigger (version " + value + ")";
            case BANK_SWAP_STAGED -> "the bank swap, before OPTSTRT";
            case BANK_SWAP_COMMITTED -> "the bank swap, after OPTSTRT and before the reset";
        };
    }

    private static void expectArguments(FaultKind kind, List<String> arguments, int min, int max, String usage) {
        if (arguments.size() < min || arguments.size() > max) {
            throw new IllegalArgumentException("usage: fault " + kind.label() + (usage.isEmpty() ? "" : " " + usage));
        }
    }

    private static long positive(String text, String what) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(what + " '" + text + "' must be a number of at least 1");
    }
}
