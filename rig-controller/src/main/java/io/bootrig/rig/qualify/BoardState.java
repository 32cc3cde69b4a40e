package io.bootrig.rig.qualify;

import io.bootrig.rig.console.PartitionState;

/** The version the board runs and the BOOT partition's state, as 'info' shows them between cases. */
record BoardState(long version, PartitionState state) {
    @Override
    public String toString() {
        return "v" + version + " " + state;
    }
}
