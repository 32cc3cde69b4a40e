package io.bootrig.board.firmware;

/** wolfBoot's PART_BOOT (0) and PART_UPDATE (1). */
enum PartitionId {
    BOOT,
    UPDATE;

    PartitionId other() {
        return this == BOOT ? UPDATE : BOOT;
    }
}
