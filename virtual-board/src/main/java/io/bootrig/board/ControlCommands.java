package io.bootrig.board;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The control protocol: one command per line, one JSON object per reply line, {@code "ok":true}
 * or {@code "ok":false} with an {@code "error"}.
 *
 * <pre>
 * status                           the board's state (see {@link BoardStatus})
 * power on | off | cycle           power switch
 * reset                            system reset (NRST)
 * fault KIND [ARG...]              arm a fault (see {@link FaultKind}); replaces one of the same kind
 * fault clear | fault list         disarm all / list armed and triggered faults
 * quit                             reply, then the board process ends (state saved)
 * help                             the commands
 * </pre>
 */
final class ControlCommands {
    static final String USAGE = "status | power on|off|cycle | reset | fault power-cut-at-block N | "
            + "fault power-cut-after-trigger | fault power-cut-during-swap [staged|committed] | "
            + "fault power-cut-after-bytes N | fault power-cut-after-flash-ops N | "
            + "fault uart-corrupt N [rx|tx|both] | fault uart-drop RATE SEED | fault clear | fault list | quit | help";

    /** The reply line, and whether the process should end once it is sent. */
    record Reply(String line, boolean quit) {
    }

    private final VirtualBoard board;

    ControlCommands(VirtualBoard board) {
        this.board = board;
    }

    Reply execute(String line) {
        List<String> words = Arrays.stream(line.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return new Reply(error("empty command; " + USAGE), false);
        }
        String command = words.get(0).toLowerCase(Locale.ROOT);
        if (command.equals("quit")) {
            return new Reply(ok().put("quitting", true).toString(), true);
        }
        return new Reply(answer(command, words.subList(1, words.size())), false);
    }

    private String answer(String command, List<String> arguments) {
        try {
            return switch (command) {
                case "status" -> board.status().toJson();
                case "power" -> power(arguments);
                case "reset" -> reset();
                case "fault" -> fault(arguments);
                case "help" -> ok().put("usage", USAGE).toString();
                default -> error("unknown command '" + command + "'; " + USAGE);
            };
        } catch (IllegalArgumentException e) {
            return error(e.getMessage());
        }
    }

    private String power(List<String> arguments) {
        if (arguments.size() != 1) {
            return error("usage: power on|off|cycle");
        }
        switch (arguments.get(0).toLowerCase(Locale.ROOT)) {
            case "on" -> board.powerOn();
            case "off" -> board.powerOff();
            case "cycle" -> board.powerCycle();
            default -> {
                return error("power '" + arguments.get(0) + "': on, off or cycle");
            }
        }
        return ok().put("power", board.powered() ? "on" : "off").toString();
    }

    private String reset() {
        if (!board.powered()) {
            return error("the board is powered off; 'power on' first");
        }
        board.reset();
        return ok().toString();
    }

    private String fault(List<String> arguments) {
        if (arguments.isEmpty()) {
            return error("usage: fault KIND [ARG...] | fault clear | fault list");
        }
        String kind = arguments.get(0).toLowerCase(Locale.ROOT);
        if (kind.equals("clear")) {
            board.faults().clear();
            return faults();
        }
        if (kind.equals("list")) {
            return faults();
        }
        Optional<FaultKind> known = FaultKind.byLabel(kind);
        if (known.isEmpty()) {
            return error("unknown fault '" + arguments.get(0) + "'; " + USAGE);
        }
        board.faults().arm(known.get(), arguments.subList(1, arguments.size()));
        return faults();
    }

    private String faults() {
        List<JsonLine> list = JsonLine.list();
        board.faults().list().forEach(fault -> list.add(BoardStatus.faultJson(fault)));
        return ok().put("faults", list).toString();
    }

    private static JsonLine ok() {
        return new JsonLine().put("ok", true);
    }

    private static String error(String message) {
        return new JsonLine().put("ok", false).put("error", message).toString();
    }
}
