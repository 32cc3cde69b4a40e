package io.bootrig.rig.power;

import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.PowerSpec;

/** The power switch a board's inventory entry describes. */
public final class PowerSwitches {
    private PowerSwitches() {}

    /** @param virtualControl the running virtual board's control port; only asked for when a switch is used */
    public static PowerSwitch of(BoardSpec board, VirtualControl virtualControl) {
        PowerSpec power = board.power();
        if (power instanceof PowerSpec.Command c) {
            return new CommandPowerSwitch(board.name(), c.template(), CommandPowerSwitch.DEFAULT_TIMEOUT);
        }
        if (power instanceof PowerSpec.Virtual) {
            return new VirtualPowerSwitch(board.name(), virtualControl);
        }
        return new NoPowerSwitch(board);
    }
}
