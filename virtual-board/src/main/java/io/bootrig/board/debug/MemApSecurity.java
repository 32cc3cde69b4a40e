package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;

/** What a MEM-AP may do on its bus: whether it is enabled, and the attributes of each transfer. */
interface MemApSecurity {
    /** CSW.DeviceEn: transfers can be initiated. */
    boolean deviceEnabled();

    /** CSW.SPIDEN: secure transfers are allowed. */
    boolean secureDebugEnabled();

    /**
     * The attributes of one transfer under the given CSW value.
     *
     * @throws BusFault when the AP refuses to initiate the transfer
     */
    BusAccess authorize(long address, long csw) throws BusFault;
}
