package io.bootrig.board;

import io.bootrig.board.debug.CoreRunState;
import io.bootrig.board.firmware.FirmwareActivity;
import io.bootrig.board.firmware.Led;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot of the board, as the control channel's {@code status} reports it.
 *
 * @param name             the board's name
 * @param powered          power on
 * @param runState         the core's run state
 * @param pc               the core's PC (what the debugger would read)
 * @param secureState      the core is in secure state
 * @param firmware         what the firmware models are doing
 * @param leds             LD1 green, LD2 yellow, LD3 red
 * @param banksSwapped     SWAP_BANK as latched at the last reset
 * @param trustZone        TZEN=0xB4 as latched at the last reset
 * @param console          what the rig opens
 * @param consoleConnected whether a host has it open
 * @param faults           armed and triggered faults
 */
public record BoardStatus(String name, boolean powered, CoreRunState runState, long pc, boolean secureState,
        FirmwareActivity firmware, Map<Led, Boolean> leds, boolean banksSwapped, boolean trustZone, String console,
        boolean consoleConnected, List<FaultStatus> faults) {

    public BoardStatus {
        leds = Map.copyOf(leds);
        faults = List.copyOf(faults);
    }

    /** One JSON line. */
    public String toJson() {
        JsonLine ledStates = new JsonLine();
        for (Led led : Led.values()) {
            ledStates.put(led.name().toLowerCase(Locale.ROOT), leds.getOrDefault(led, false));
        }
        List<JsonLine> faultList = JsonLine.list();
        for (FaultStatus fault : faults) {
            faultList.add(faultJson(fault));
        }
        return new JsonLine()
                .put("ok", true)
                .put("name", name)
                .put("power", powered ? "on" : "off")
                .put("runState", runState.name())
                .put("pc", String.format("0x%08X", pc))
                .put("secureState", secureState)
                .put("firmware", new JsonLine().put("model", firmware.model()).put("state", firmware.state()))
                .put("leds", ledStates)
                .put("banksSwapped", banksSwapped)
                .put("trustZone", trustZone)
                .put("console", new JsonLine().put("address", console).put("connected", consoleConnected))
                .put("faults", faultList)
                .toString();
    }

    static JsonLine faultJson(FaultStatus fault) {
        return new JsonLine()
                .put("kind", fault.kind().label())
                .put("argument", fault.argument())
                .put("state", fault.triggered() ? "triggered" : "armed")
                .put("detail", fault.detail());
    }
}
