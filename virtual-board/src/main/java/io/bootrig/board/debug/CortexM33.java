package io.bootrig.board.debug;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.ResetLine;
import io.bootrig.board.bus.SystemBus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cortex-M33 as its debugger sees it: run control (halt, step, resume, FPB breakpoints at
 * the PC), the register file behind DCRSR/DCRDR, the debug registers (DHCSR, DFSR, DEMCR, DSCSR),
 * VTOR and the reset sequence (vector fetch through the system bus, vector catch). The core never
 * executes instructions: "running" means DHCSR.S_HALT=0 with S_RETIRE_ST=1, and a single step
 * advances the PC by one 16-bit instruction.
 *
 * <p>The public methods are the board's hooks; the rest is reached through the SCS registers.
 * Everything runs under the debug port's lock, listeners included (see {@link RunStateListener}).
 */
public final class CortexM33 {
    static final long DBGKEY = 0xA05FL << 16;
    static final long C_DEBUGEN = 1L;
    static final long C_HALT = 1L << 1;
    static final long C_STEP = 1L << 2;
    static final long C_MASKINTS = 1L << 3;
    static final long C_SNAPSTALL = 1L << 5;
    static final long S_REGRDY = 1L << 16;
    static final long S_HALT = 1L << 17;
    static final long S_LOCKUP = 1L << 19;
    static final long S_SDE = 1L << 20;
    static final long S_RETIRE_ST = 1L << 24;
    static final long S_RESET_ST = 1L << 25;
    static final long S_RESTART_ST = 1L << 26;

    static final long DFSR_HALTED = 1L;
    static final long DFSR_BKPT = 1L << 1;
    static final long DFSR_DWTTRAP = 1L << 2;
    static final long DFSR_VCATCH = 1L << 3;
    static final long DFSR_EXTERNAL = 1L << 4;

    static final long VC_CORERESET = 1L;
    static final long TRCENA = 1L << 24;
    static final long DSCSR_CDS = 1L << 16;

    private static final long DHCSR_CONTROL = C_DEBUGEN | C_HALT | C_STEP | C_MASKINTS | C_SNAPSTALL;
    private static final long DFSR_ALL = 0x1F;
    private static final long DEMCR_WRITABLE = 0x010F_0FF1L; // TRCENA, MON_*, VC_*
    private static final long DSCSR_WRITABLE = 0b11; // SBRSEL, SBRSELEN
    private static final long REGWNR = 1L << 16;
    private static final long LOCKUP_ADDRESS = 0xEFFF_FFFEL;
    private static final int INSTRUCTION_SIZE = 2;

    private static final Logger log = LoggerFactory.getLogger(CortexM33.class);

    private final Object lock;
    private final SystemBus bus;
    private final ResetLine resetLine;
    private final DebugAuthentication authentication;
    private final CoreRegisterFile registers = new CoreRegisterFile();
    private final FlashPatchBreakpoint fpb = new FlashPatchBreakpoint();
    private final DataWatchpoint dwt = new DataWatchpoint();
    private final SystemControlSpace scs = new SystemControlSpace(this);
    private final List<RunStateListener> listeners = new CopyOnWriteArrayList<>();

    private volatile CoreRunState runState = CoreRunState.RUNNING;
    private volatile HaltReason lastHaltReason;
    private Supplier<BootConfig> bootConfig = () -> BootConfig.USER_FLASH_NON_SECURE;
    private long dhcsrControl;
    private boolean resetSinceRead;
    private boolean retiredSinceRead;
    private boolean restartedSinceRead;
    private boolean lockedUp;
    private boolean heldInReset;
    private long dfsr;
    private long demcr;
    private long dcrdr;
    private long dscsr;
    private long vtor;

    CortexM33(Object lock, SystemBus bus, ResetLine resetLine, DebugAuthentication authentication) {
        this.lock = lock;
        this.bus = bus;
        this.resetLine = resetLine;
        this.authentication = authentication;
    }

    // ---- the board's view ----

    /** The current run state; lock-free. */
    public CoreRunState runState() {
        return runState;
    }

    /** Why the core last halted; null until it has halted once. */
    public HaltReason lastHaltReason() {
        return lastHaltReason;
    }

    public void addRunStateListener(RunStateListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeRunStateListener(RunStateListener listener) {
        listeners.remove(listener);
    }

    /**
     * Where the core boots from; consulted at every reset, after the SoC has reset (so a changed
     * boot option byte takes effect on the reset that loads it).
     */
    public void bootConfig(Supplier<BootConfig> source) {
        synchronized (lock) {
            bootConfig = Objects.requireNonNull(source);
        }
    }

    /** The PC the debugger would read; for tests and firmware models. */
    public long pc() {
        synchronized (lock) {
            return registers.pc();
        }
    }

    /** The core's security state (DSCSR.CDS). */
    public boolean secureState() {
        synchronized (lock) {
            return registers.secure();
        }
    }

    /**
     * A reset from outside the debug port (see {@link DebugPort#applyReset}): the core reloads MSP
     * and PC from the vector table and halts if C_DEBUGEN and DEMCR.VC_CORERESET are set.
     */
    void applyReset(ResetKind kind) {
        synchronized (lock) {
            if (kind == ResetKind.POWER_ON) {
                resetDebugDomain();
            }
            resetCore();
        }
    }

    // ---- reached through the debug port ----

    /** nSRST from the adapter: asserting resets the SoC and holds the core; releasing lets it boot. */
    void systemResetPin(boolean asserted) {
        synchronized (lock) {
            if (asserted == heldInReset) {
                return;
            }
            heldInReset = asserted;
            if (asserted) {
                resetLine.systemReset("nSRST");
                resetSinceRead = true;
                changeRunState(CoreRunState.RESET);
            } else {
                resetCore();
            }
        }
    }

    /** AIRCR.SYSRESETREQ: reset the SoC, then the core; debug registers survive. */
    void systemResetRequest() {
        synchronized (lock) {
            resetLine.systemReset("AIRCR.SYSRESETREQ");
            resetCore();
        }
    }

    long readDhcsr() {
        long value = dhcsrControl;
        if (runState == CoreRunState.HALTED) {
            value |= S_HALT | S_REGRDY;
        }
        if (lockedUp) {
            value |= S_LOCKUP;
        }
        if (secureDebugAllowed()) {
            value |= S_SDE;
        }
        if (runState == CoreRunState.RUNNING || retiredSinceRead) {
            value |= S_RETIRE_ST;
        }
        if (resetSinceRead || heldInReset) {
            value |= S_RESET_ST;
        }
        if (restartedSinceRead) {
            value |= S_RESTART_ST;
        }
        retiredSinceRead = false;
        resetSinceRead = false;
        restartedSinceRead = false;
        return value;
    }

    void writeDhcsr(long value) {
        if ((value & 0xFFFF_0000L) != DBGKEY) {
            return;
        }
        if ((value & C_DEBUGEN) == 0 || !authentication.debugEnabled()) {
            dhcsrControl = 0;
            if (runState == CoreRunState.HALTED) {
                run();
            }
            return;
        }
        dhcsrControl = value & DHCSR_CONTROL;
        if (runState == CoreRunState.RESET) {
            return;
        }
        if ((value & C_HALT) != 0) {
            if (runState == CoreRunState.RUNNING && haltingAllowed()) {
                halt(HaltReason.DEBUG_REQUEST, DFSR_HALTED);
            }
        } else if (runState == CoreRunState.HALTED) {
            if ((value & C_STEP) != 0) {
                step();
            } else {
                resume();
            }
        }
    }

    long readDfsr() {
        return dfsr;
    }

    void writeDfsr(long value) {
        dfsr &= ~(value & DFSR_ALL);
    }

    long readDemcr() {
        return demcr;
    }

    void writeDemcr(long value) {
        demcr = value & DEMCR_WRITABLE;
    }

    long readDcrdr() {
        return dcrdr;
    }

    void writeDcrdr(long value) {
        dcrdr = value & 0xFFFF_FFFFL;
    }

    /** DCRSR: one register transfer between DCRDR and the register file; only in debug state. */
    void writeDcrsr(long value) {
        if (runState != CoreRunState.HALTED) {
            return;
        }
        int regsel = (int) (value & 0x7F);
        boolean hidden = registers.isSecureOnly(regsel) && !secureDebugAllowed();
        if ((value & REGWNR) != 0) {
            if (!hidden) {
                registers.write(regsel, dcrdr);
            }
        } else {
            dcrdr = hidden ? 0 : registers.read(regsel);
        }
    }

    long readDscsr() {
        return dscsr | (registers.secure() ? DSCSR_CDS : 0);
    }

    void writeDscsr(long value) {
        dscsr = value & DSCSR_WRITABLE;
    }

    long readVtor() {
        return vtor;
    }

    void writeVtor(long value) {
        vtor = value & 0xFFFF_FF80L;
    }

    /** DAUTHSTATUS: non-secure and secure, invasive and non-invasive debug, each implemented and enabled or not. */
    long readDauthstatus() {
        long nonSecure = authentication.debugEnabled() ? 0b11 : 0b10;
        long secure = secureDebugAllowed() ? 0b11 : 0b10;
        return nonSecure | nonSecure << 2 | secure << 4 | secure << 6;
    }

    FlashPatchBreakpoint fpb() {
        return fpb;
    }

    DataWatchpoint dwt() {
        return dwt;
    }

    SystemControlSpace scs() {
        return scs;
    }

    CoreRegisterFile registers() {
        return registers;
    }

    // ---- run control ----

    private void halt(HaltReason reason, long dfsrBit) {
        dfsr |= dfsrBit;
        dhcsrControl |= C_HALT;
        lastHaltReason = reason;
        changeRunState(CoreRunState.HALTED);
    }

    private void step() {
        if (fpb.breaksAt(registers.pc())) {
            halt(HaltReason.BREAKPOINT, DFSR_BKPT);
            return;
        }
        registers.pc(registers.pc() + INSTRUCTION_SIZE);
        retiredSinceRead = true;
        restartedSinceRead = true;
        halt(HaltReason.STEP, DFSR_HALTED);
    }

    private void resume() {
        restartedSinceRead = true;
        if (fpb.breaksAt(registers.pc())) {
            halt(HaltReason.BREAKPOINT, DFSR_BKPT);
            return;
        }
        run();
    }

    private void run() {
        dhcsrControl &= ~(C_HALT | C_STEP);
        changeRunState(CoreRunState.RUNNING);
    }

    private void resetCore() {
        BootConfig boot = bootConfig.get();
        scs.reset();
        vtor = boot.vectorTable() & 0xFFFF_FF80L;
        dscsr = 0;
        lockedUp = false;
        BusAccess fetch = new BusAccess(boot.secure(), true, "CPU");
        try {
            long msp = bus.read(vtor, 4, fetch);
            long resetVector = bus.read(vtor + 4, 4, fetch);
            registers.reset(boot.secure(), msp, resetVector);
        } catch (BusFault fault) {
            log.warn("vector fetch failed, core locked up: {}", fault.getMessage());
            registers.reset(boot.secure(), 0, LOCKUP_ADDRESS);
            lockedUp = true;
        }
        resetSinceRead = true;
        changeRunState(CoreRunState.RESET);
        if (heldInReset) {
            return;
        }
        dhcsrControl &= ~C_STEP;
        if ((demcr & VC_CORERESET) != 0 && haltingAllowed()) {
            halt(HaltReason.VECTOR_CATCH, DFSR_VCATCH);
        } else if ((dhcsrControl & C_HALT) != 0 && haltingAllowed()) {
            halt(HaltReason.DEBUG_REQUEST, DFSR_HALTED);
        } else {
            run();
        }
    }

    private void resetDebugDomain() {
        dhcsrControl = 0;
        demcr = 0;
        dfsr = 0;
        dcrdr = 0;
        fpb.reset();
        dwt.reset();
    }

    private boolean haltingAllowed() {
        return (dhcsrControl & C_DEBUGEN) != 0
                && authentication.debugEnabled()
                && (!registers.secure() || secureDebugAllowed());
    }

    private boolean secureDebugAllowed() {
        return authentication.debugEnabled() && authentication.secureDebugEnabled();
    }

    private void changeRunState(CoreRunState next) {
        if (next == runState) {
            return;
        }
        runState = next;
        for (RunStateListener listener : listeners) {
            listener.runStateChanged(next);
        }
    }
}
