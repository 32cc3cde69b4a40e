package io.bootrig.board.bus;

/**
 * A bus error response: no slave at the address, a TrustZone violation, an access size the slave
 * does not take. A debug MEM-AP turns it into the DP's STICKYERR.
 */
public final class BusFault extends Exception {
    private final long address;

    public BusFault(long address, String reason) {
        super(String.format("bus fault at 0x%08X: %s", address, reason));
        this.address = address;
    }

    public long address() {
        return address;
    }
}
