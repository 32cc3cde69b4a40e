package io.bootrig.board;

import io.bootrig.board.debug.BootConfig;
import io.bootrig.board.debug.DebugPort;
import io.bootrig.board.debug.ResetKind;
import io.bootrig.board.soc.Stm32h563;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A simulated NUCLEO-H563ZI: the STM32H563 SoC behind its debug port, which OpenOCD reaches through
 * remote_bitbang on {@link #debugPort()}. The SoC is the bus of both access ports and resets itself
 * on AIRCR.SYSRESETREQ / nSRST; the core then boots from the vector table the option bytes select.
 */
public final class VirtualBoard implements AutoCloseable {
    private final Stm32h563 soc;
    private final DebugPort debug;

    private VirtualBoard(Stm32h563 soc) throws IOException {
        this.soc = soc;
        this.debug = DebugPort.start(soc, soc, () -> new BootConfig(soc.bootVectorTable(), soc.trustZoneEnabled()));
    }

    /** A board whose flash, OTP and option bytes live only in memory. */
    public static VirtualBoard inMemory() throws IOException {
        return new VirtualBoard(Stm32h563.inMemory());
    }

    /** A board whose non-volatile state lives in (and survives in) {@code stateDir}. */
    public static VirtualBoard persistent(Path stateDir) throws IOException {
        return new VirtualBoard(Stm32h563.openOrCreate(stateDir));
    }

    /** The remote_bitbang port on 127.0.0.1. */
    public int debugPort() {
        return debug.port();
    }

    public Stm32h563 soc() {
        return soc;
    }

    public DebugPort debug() {
        return debug;
    }

    /** Cuts and restores power: SRAM and volatile registers are lost, the core boots again. */
    public void powerCycle() {
        soc.powerOn();
        debug.applyReset(ResetKind.POWER_ON);
    }

    @Override
    public void close() {
        try {
            debug.close();
        } finally {
            soc.close();
        }
    }
}
