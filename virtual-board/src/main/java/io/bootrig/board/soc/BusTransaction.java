package io.bootrig.board.soc;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;

/**
 * One access as a device sees it: the bus address, the offset inside the region that decoded it,
 * its size, its attributes, and whether the region is a secure alias.
 */
record BusTransaction(long address, long offset, int size, BusAccess access, boolean secureAlias) {

    BusFault fault(String reason) {
        return new BusFault(address, String.format("%s (%d-byte %s %s access by %s)", reason, size,
                access.secure() ? "secure" : "non-secure", access.privileged() ? "privileged" : "unprivileged",
                access.initiator()));
    }
}
