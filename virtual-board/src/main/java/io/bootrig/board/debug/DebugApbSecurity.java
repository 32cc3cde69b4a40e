package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;

/**
 * AP0's rules on the STM32H5 debug APB: always enabled, whatever the debug authentication, because
 * the DBGMCU and its authentication mailbox must answer on a closed device; every transfer is
 * privileged and non-secure (the APB-D has no TrustZone attribute).
 */
final class DebugApbSecurity implements MemApSecurity {
    private final String initiator;

    DebugApbSecurity(String initiator) {
        this.initiator = initiator;
    }

    @Override
    public boolean deviceEnabled() {
        return true;
    }

    @Override
    public boolean secureDebugEnabled() {
        return false;
    }

    @Override
    public BusAccess authorize(long address, long csw) {
        return BusAccess.debugNonSecure(initiator);
    }
}
