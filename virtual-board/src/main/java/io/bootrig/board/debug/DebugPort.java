package io.bootrig.board.debug;

import io.bootrig.board.bus.ResetLine;
import io.bootrig.board.bus.SystemBus;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The virtual board's debug port: an STM32H5 SWJ-DP in JTAG mode behind OpenOCD's remote_bitbang
 * adapter, with the STM32H5 access ports (AP0: the debug APB with the DBGMCU; AP1: the
 * Cortex-M33 AHB5-AP) and the Cortex-M33's debug logic. The SoC is reached through the
 * {@link SystemBus}; AIRCR.SYSRESETREQ and nSRST reset it through the {@link ResetLine}.
 *
 * <pre>{@code
 * try (DebugPort debugPort = DebugPort.start(systemBus, resetLine, () -> new BootConfig(0x0800_0000L, false))) {
 *     debugPort.core().addRunStateListener(state -> System.out.println("core " + state));
 *     // openocd -c "set VIRTUAL_BOARD_PORT <debugPort.port()>" -f interface/virtual-board.cfg
 *     //         -f target/stm32h5.cfg -c "bindto 127.0.0.1" -c "tcl_port <free port>"
 * }
 * }</pre>
 *
 * Starting performs a power-on reset of the core (the vector table is read through the bus).
 * The model runs on the server thread under one lock; the bus, the reset line and the run-state
 * listeners are called with it held. The reset line must not call {@link #applyReset}: the debug
 * port resets the core itself once the SoC has reset.
 */
public final class DebugPort implements AutoCloseable {
    /** The JTAG TAP IDCODE of the STM32H5's SWJ-DP. */
    public static final long JTAG_IDCODE = 0x0BA0_4477L;
    /** DPIDR (what SWD identifies the DP by; readable at DP address 0 over JTAG too). */
    public static final long DPIDR = 0x0BE1_2477L;
    /** TARGETID: designer ST (0x020), part 0x484. */
    static final long TARGETID = 0x0048_4041L;
    /** AP0: a MEM-AP of APB type; no ROM table behind it in this model. */
    static final long AP0_IDR = 0x5477_0002L;
    static final long AP0_BASE = 0x0000_0002L;
    /** AP1: the Cortex-M33 AHB5-AP; BASE points at the ROM table (ADIv5 format, present). */
    static final long AP1_IDR = 0x0477_0015L;
    static final long AP1_BASE = RomTable.BASE | 0b11;

    private final Object lock = new Object();
    private final DapCounters counters = new DapCounters();
    private final DebugAuthentication authentication = new DebugAuthentication();
    private final CortexM33 core;
    private final JtagTap tap;
    private final JtagDpScans dpScans;
    private final AdiV5DebugPort dp;
    private final RemoteBitbangServer server;

    private DebugPort(SystemBus bus, ResetLine resetLine, Supplier<BootConfig> bootConfig) throws IOException {
        core = new CortexM33(lock, bus, resetLine, authentication);
        core.bootConfig(bootConfig);
        DebugApb debugApb = new DebugApb(bus);
        ProcessorBus processorBus = new ProcessorBus(new PrivatePeripheralBus(core, debugApb), bus);
        dp = new AdiV5DebugPort(DPIDR, TARGETID, counters);
        dp.connect(0, new MemAp(AP0_IDR, AP0_BASE, debugApb, new DebugApbSecurity("AP0")));
        dp.connect(1, new MemAp(AP1_IDR, AP1_BASE, processorBus, new Ahb5ApSecurity(authentication, "AP1")));
        dpScans = new JtagDpScans(dp);
        tap = new JtagTap(JTAG_IDCODE, dpScans);
        core.applyReset(ResetKind.POWER_ON);
        server = new RemoteBitbangServer(new RemoteBitbangProtocol(tap, new AdapterResets()), lock);
    }

    /** Starts a debug port whose core boots non-secure from user flash (0x08000000). */
    public static DebugPort start(SystemBus bus, ResetLine resetLine) throws IOException {
        return start(bus, resetLine, () -> BootConfig.USER_FLASH_NON_SECURE);
    }

    /**
     * Starts a debug port: the model powers up and the remote_bitbang server listens on a free
     * port of 127.0.0.1.
     *
     * @param bootConfig asked at every reset where the core boots from and in which security state
     */
    public static DebugPort start(SystemBus bus, ResetLine resetLine, Supplier<BootConfig> bootConfig)
            throws IOException {
        return new DebugPort(bus, resetLine, bootConfig);
    }

    /** The TCP port of the remote_bitbang server. */
    public int port() {
        return server.port();
    }

    /** The address the server listens on: 127.0.0.1. */
    public String host() {
        return server.host();
    }

    /** The core: run state and its listeners, halt reason, boot configuration. */
    public CortexM33 core() {
        return core;
    }

    /** DBGEN and SPIDEN, which the board sets from the device's security configuration. */
    public DebugAuthentication authentication() {
        return authentication;
    }

    public DapCounters counters() {
        return counters;
    }

    /**
     * Applies a reset from outside the debug port. {@link ResetKind#POWER_ON} also resets the TAP,
     * the DP (its power-up requests drop, so a connected debugger reconnects) and the APs. The core
     * reloads its vector table; the {@link ResetLine} is not called (the board resets the SoC).
     */
    public void applyReset(ResetKind kind) {
        synchronized (lock) {
            if (kind == ResetKind.POWER_ON) {
                tap.reset();
                dpScans.reset();
                dp.powerOnReset();
            }
            core.applyReset(kind);
        }
    }

    /** Stops the server and closes the client connection; waits for the server thread to end. */
    @Override
    public void close() {
        server.close();
    }

    private final class AdapterResets implements ResetSignals {
        @Override
        public void testReset(boolean asserted) {
            tap.testReset(asserted);
        }

        @Override
        public void systemReset(boolean asserted) {
            core.systemResetPin(asserted);
        }
    }
}
