package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;

/**
 * The Cortex-M33 AHB5-AP's rules: transfers need debug enabled (DeviceEn); CSW.HNONSEC (bit 30)
 * set makes a non-secure transfer; a secure transfer is not initiated unless secure debug
 * (SPIDEN) is enabled. CSW bit 25 (HPROT[1]) makes it privileged.
 */
final class Ahb5ApSecurity implements MemApSecurity {
    static final long CSW_HNONSEC = 1L << 30;
    static final long CSW_PRIVILEGED = 1L << 25;

    private final DebugAuthentication authentication;
    private final String initiator;

    Ahb5ApSecurity(DebugAuthentication authentication, String initiator) {
        this.authentication = authentication;
        this.initiator = initiator;
    }

    @Override
    public boolean deviceEnabled() {
        return authentication.debugEnabled();
    }

    @Override
    public boolean secureDebugEnabled() {
        return authentication.debugEnabled() && authentication.secureDebugEnabled();
    }

    @Override
    public BusAccess authorize(long address, long csw) throws BusFault {
        if (!deviceEnabled()) {
            throw new BusFault(address, initiator + ": debug is disabled (DeviceEn=0)");
        }
        boolean secure = (csw & CSW_HNONSEC) == 0;
        if (secure && !secureDebugEnabled()) {
            throw new BusFault(address, initiator + ": secure transfer without secure debug (SPIDEN=0)");
        }
        return new BusAccess(secure, (csw & CSW_PRIVILEGED) != 0, initiator);
    }
}
