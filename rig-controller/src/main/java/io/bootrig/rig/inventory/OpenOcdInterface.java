package io.bootrig.rig.inventory;

import java.util.List;

/**
 * The board-specific part of the OpenOCD configuration: the interface file (found in board-configs/openocd or given
 * as a path) and extra TCL commands run before it. The rig sets VIRTUAL_BOARD_PORT (virtual) or STLINK_SERIAL (from the
 * board's ST-LINK serial) itself; the target part (target/stm32h5.cfg, bootrig-stm32h5.tcl) is the same for all.
 */
public record OpenOcdInterface(String file, List<String> commands) {
    public OpenOcdInterface {
        commands = List.copyOf(commands);
    }
}
