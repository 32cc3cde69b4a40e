package io.bootrig.board.debug;

import static io.bootrig.board.debug.CortexM33.C_DEBUGEN;
import static io.bootrig.board.debug.CortexM33.C_HALT;
import static io.bootrig.board.debug.CortexM33.C_MASKINTS;
import static io.bootrig.board.debug.CortexM33.C_STEP;
import static io.bootrig.board.debug.CortexM33.DBGKEY;
import static io.bootrig.board.debug.CortexM33.S_HALT;
import static io.bootrig.board.debug.CortexM33.S_REGRDY;
import static io.bootrig.board.debug.CortexM33.S_RESET_ST;
import static io.bootrig.board.debug.CortexM33.S_RETIRE_ST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CortexM33Test {
    static final long DHCSR = 0xE000_EDF0L;
    static final long DCRSR = 0xE000_EDF4L;
    static final long DCRDR = 0xE000_EDF8L;
    static final long DEMCR = 0xE000_EDFCL;
    static final long DFSR = 0xE000_ED30L;
    static final long AIRCR = 0xE000_ED0CL;
    static final long VTOR = 0xE000_ED08L;
    static final long CFSR = 0xE000_ED28L;
    static final long SHCSR = 0xE000_ED24L;
    static final long DSCSR = 0xE000_EE08L;
    static final long DAUTHSTATUS = 0xE000_EFB8L;
    static final long FP_CTRL = 0xE000_2000L;
    static final long FP_COMP0 = 0xE000_2008L;

    private final Object lock = new Object();
    private final TestSystemBus bus = new TestSystemBus();
    private final RecordingResetLine resetLine = new RecordingResetLine();
    private final DebugAuthentication authentication = new DebugAuthentication();
    private final CortexM33 core = new CortexM33(lock, bus, resetLine, authentication);
    private final PrivatePeripheralBus ppb = new PrivatePeripheralBus(core, new DebugApb(bus));
    private final List<CoreRunState> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void powerOn() {
        core.applyReset(ResetKind.POWER_ON);
        core.addRunStateListener(events::add);
    }

    @Test
    void powerOnLeavesTheCoreRunningFromTheVectorTable() throws BusFault {
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(core.pc()).isEqualTo(0x0800_0100L);
        assertThat(read(DHCSR)).isEqualTo(S_RESET_ST | S_RETIRE_ST | CortexM33.S_SDE);
        assertThat(read(DHCSR)).as("S_RESET_ST clears on read").isEqualTo(S_RETIRE_ST | CortexM33.S_SDE);
        assertThat(read(VTOR)).isEqualTo(0x0800_0000L);
    }

    @Test
    void identificationRegisters() throws BusFault {
        assertThat(read(0xE000_ED00L)).isEqualTo(0x410F_D214L);
        assertThat(read(0xE000_EF40L)).isEqualTo(0x1011_0021L);
        assertThat(read(0xE000_EF44L)).isEqualTo(0x1100_0011L);
        assertThat(read(0xE000_EF48L)).isEqualTo(0x0000_0040L);
        assertThat(read(0xE000_EFBCL)).isEqualTo(0x4770_2A04L);
        assertThat(read(0xE000_1000L) >>> 28).as("DWT NUMCOMP").isEqualTo(4);
        assertThat(read(0xE000_1FBCL)).isEqualTo(0x4770_1A02L);
        assertThat(read(FP_CTRL)).isEqualTo(0x1000_0080L);
    }

    @Test
    void dhcsrWritesNeedTheKey() throws BusFault {
        write(DHCSR, C_DEBUGEN | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
    }

    @Test
    void haltSetsShaltRegrdyAndDfsrHalted() throws BusFault {
        halt();
        assertThat(read(DHCSR) & (S_HALT | S_REGRDY | C_HALT | C_DEBUGEN)).isEqualTo(S_HALT | S_REGRDY | C_HALT | C_DEBUGEN);
        assertThat(read(DFSR)).isEqualTo(CortexM33.DFSR_HALTED);
        assertThat(core.lastHaltReason()).isEqualTo(HaltReason.DEBUG_REQUEST);
        assertThat(events).containsExactly(CoreRunState.HALTED);
        write(DFSR, CortexM33.DFSR_HALTED);
        assertThat(read(DFSR)).isZero();
    }

    @Test
    void haltNeedsDebugEnable() throws BusFault {
        write(DHCSR, DBGKEY | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DHCSR) & C_HALT).isZero();
    }

    @Test
    void resumeRunsAndRetires() throws BusFault {
        halt();
        read(DHCSR);
        assertThat(read(DHCSR) & S_RETIRE_ST).as("nothing retires while halted").isZero();
        write(DHCSR, DBGKEY | C_DEBUGEN);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DHCSR) & (S_HALT | S_RETIRE_ST)).isEqualTo(S_RETIRE_ST);
        assertThat(events).containsExactly(CoreRunState.HALTED, CoreRunState.RUNNING);
    }

    @Test
    void clearingDebugEnableWhileHaltedResumes() throws BusFault {
        halt();
        write(DHCSR, DBGKEY);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DHCSR) & 0xFFFF).isZero();
    }

    @Test
    void stepAdvancesOneInstructionAndStaysHalted() throws BusFault {
        halt();
        write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT | C_MASKINTS);
        write(DHCSR, DBGKEY | C_DEBUGEN | C_MASKINTS | C_STEP);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(core.pc()).isEqualTo(0x0800_0102L);
        assertThat(core.lastHaltReason()).isEqualTo(HaltReason.STEP);
        assertThat(read(DHCSR) & (S_HALT | S_RETIRE_ST | C_HALT)).isEqualTo(S_HALT | S_RETIRE_ST | C_HALT);
    }

    @Test
    void resumingOntoAnEnabledBreakpointHaltsAtOnce() throws BusFault {
        halt();
        write(FP_CTRL, 0b11);
        write(FP_COMP0 + 4 * 3, 0x0800_0100L | 1);
        read(DFSR);
        write(DFSR, 0x1F);
        write(DHCSR, DBGKEY | C_DEBUGEN);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(read(DFSR)).isEqualTo(CortexM33.DFSR_BKPT);
        assertThat(core.lastHaltReason()).isEqualTo(HaltReason.BREAKPOINT);
        assertThat(core.pc()).isEqualTo(0x0800_0100L);
        assertThat(events).containsExactly(CoreRunState.HALTED);
    }

    @Test
    void breakpointsNeedTheFpbEnabledAndTheirEnableBit() throws BusFault {
        halt();
        write(FP_COMP0, 0x0800_0100L | 1);
        write(FP_CTRL, 0b01); // ENABLE without KEY is ignored
        assertThat(read(FP_CTRL) & 1).isZero();
        write(DHCSR, DBGKEY | C_DEBUGEN);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);

        halt();
        write(FP_CTRL, 0b11);
        write(FP_COMP0, 0x0800_0100L);
        write(DHCSR, DBGKEY | C_DEBUGEN);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
    }

    @Test
    void registerTransfersThroughDcrsrAndDcrdr() throws BusFault {
        halt();
        assertThat(readRegister(15)).isEqualTo(0x0800_0100L);
        assertThat(readRegister(16)).isEqualTo(0x0100_0000L);
        assertThat(readRegister(13)).isEqualTo(0x200A_0000L);
        assertThat(readRegister(14)).isEqualTo(0xFFFF_FFFFL);
        writeRegister(0, 0xDEAD_BEEFL);
        writeRegister(0x45, 0x3F80_0000L); // S5
        writeRegister(0x21, 0x0300_0000L); // FPSCR
        assertThat(readRegister(0)).isEqualTo(0xDEAD_BEEFL);
        assertThat(readRegister(0x45)).isEqualTo(0x3F80_0000L);
        assertThat(readRegister(0x21)).isEqualTo(0x0300_0000L);
        assertThat(read(DHCSR) & S_REGRDY).isEqualTo(S_REGRDY);
    }

    @Test
    void stackPointersAreBankedBySecurityStateAndSpsel() throws BusFault {
        halt();
        assertThat(core.secureState()).isFalse();
        assertThat(readRegister(CoreRegisterFile.MSP_NS)).isEqualTo(0x200A_0000L);
        assertThat(readRegister(CoreRegisterFile.MSP)).isEqualTo(0x200A_0000L);
        writeRegister(CoreRegisterFile.PSP, 0x2000_8000L);
        assertThat(readRegister(CoreRegisterFile.PSP_NS)).isEqualTo(0x2000_8000L);
        writeRegister(CoreRegisterFile.CONTROL_PRIMASK, 0x0200_0000L); // CONTROL.SPSEL
        assertThat(readRegister(CoreRegisterFile.CONTROL_PRIMASK_NS)).isEqualTo(0x0200_0000L);
        assertThat(readRegister(CoreRegisterFile.SP)).isEqualTo(0x2000_8000L);
        writeRegister(CoreRegisterFile.XPSR, 0x0100_0003L); // handler mode uses MSP
        assertThat(readRegister(CoreRegisterFile.SP)).isEqualTo(0x200A_0000L);
    }

    @Test
    void secureBankedRegistersAreHiddenWithoutSecureDebug() throws BusFault {
        halt();
        writeRegister(CoreRegisterFile.MSP_S, 0x3000_1000L);
        assertThat(readRegister(CoreRegisterFile.MSP_S)).isEqualTo(0x3000_1000L);
        authentication.secureDebugEnabled(false);
        assertThat(readRegister(CoreRegisterFile.MSP_S)).isZero();
        writeRegister(CoreRegisterFile.MSP_S, 0);
        authentication.secureDebugEnabled(true);
        assertThat(readRegister(CoreRegisterFile.MSP_S)).isEqualTo(0x3000_1000L);
    }

    @Test
    void registerTransfersNeedDebugState() throws BusFault {
        write(DCRDR, 0x1234);
        write(DCRSR, 0x1_0000L); // write R0 while running: ignored
        halt();
        assertThat(readRegister(0)).isZero();
    }

    @Test
    void sysresetreqResetsTheSocAndHaltsOnVectorCatch() throws BusFault {
        halt();
        write(DEMCR, 0x0100_0501L);
        writeRegister(0, 0x55);
        write(DHCSR, DBGKEY | C_DEBUGEN);
        events.clear();
        write(AIRCR, 0x05FA_0004L);
        assertThat(resetLine.causes()).containsExactly("AIRCR.SYSRESETREQ");
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(events).containsExactly(CoreRunState.RESET, CoreRunState.HALTED);
        assertThat(core.lastHaltReason()).isEqualTo(HaltReason.VECTOR_CATCH);
        assertThat(read(DFSR) & CortexM33.DFSR_VCATCH).isEqualTo(CortexM33.DFSR_VCATCH);
        assertThat(read(DHCSR) & (S_RESET_ST | S_HALT)).isEqualTo(S_RESET_ST | S_HALT);
        assertThat(read(DHCSR) & S_RESET_ST).isZero();
        assertThat(read(DEMCR)).as("debug registers survive").isEqualTo(0x0100_0501L);
        assertThat(readRegister(15)).isEqualTo(0x0800_0100L);
        assertThat(readRegister(0)).isZero();
    }

    @Test
    void sysresetreqWithoutVectorCatchRuns() throws BusFault {
        halt();
        write(DHCSR, DBGKEY | C_DEBUGEN);
        write(AIRCR, 0x05FA_0004L);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DHCSR) & C_DEBUGEN).isEqualTo(C_DEBUGEN);
    }

    @Test
    void aircrNeedsTheVectorKey() throws BusFault {
        write(AIRCR, 0x0000_0004L);
        assertThat(resetLine.causes()).isEmpty();
        assertThat(read(AIRCR)).isEqualTo(0xFA05_0000L);
        write(AIRCR, 0x05FA_0300L);
        assertThat(read(AIRCR)).isEqualTo(0xFA05_0300L);
    }

    @Test
    void resetLoadsTheVectorTableTheBootConfigNames() throws BusFault {
        bus.vectorTable(TestSystemBus.RAM + 0x1000, 0x2000_4000L, 0x2000_1201L);
        core.bootConfig(() -> new BootConfig(TestSystemBus.RAM + 0x1000, true));
        halt();
        write(DEMCR, CortexM33.VC_CORERESET);
        write(AIRCR, 0x05FA_0004L);
        assertThat(core.pc()).isEqualTo(0x2000_1200L);
        assertThat(core.secureState()).isTrue();
        assertThat(read(DSCSR) & CortexM33.DSCSR_CDS).isEqualTo(CortexM33.DSCSR_CDS);
        assertThat(readRegister(CoreRegisterFile.MSP_S)).isEqualTo(0x2000_4000L);
        assertThat(read(VTOR)).isEqualTo(0x2000_1000L);
        assertThat(bus.lastAccess()).isEqualTo(new BusAccess(true, true, "CPU"));
    }

    @Test
    void aFailedVectorFetchLocksTheCoreUp() throws BusFault {
        core.bootConfig(() -> new BootConfig(0x6000_0000L, false));
        core.applyReset(ResetKind.SYSTEM);
        assertThat(read(DHCSR) & CortexM33.S_LOCKUP).isEqualTo(CortexM33.S_LOCKUP);
    }

    @Test
    void powerOnResetClearsTheDebugDomainButSystemResetKeepsIt() throws BusFault {
        halt();
        write(DEMCR, CortexM33.TRCENA | CortexM33.VC_CORERESET);
        write(FP_CTRL, 0b11);
        core.applyReset(ResetKind.SYSTEM);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(core.lastHaltReason()).isEqualTo(HaltReason.VECTOR_CATCH);
        assertThat(read(DEMCR)).isEqualTo(CortexM33.TRCENA | CortexM33.VC_CORERESET);
        assertThat(resetLine.causes()).as("the board resets its SoC itself").isEmpty();

        core.applyReset(ResetKind.POWER_ON);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DEMCR)).isZero();
        assertThat(read(DFSR)).isZero();
        assertThat(read(FP_CTRL) & 1).isZero();
        assertThat(read(DHCSR) & 0xFFFF).isZero();
    }

    @Test
    void systemResetPinHoldsTheCoreUntilReleased() throws BusFault {
        halt();
        write(DEMCR, CortexM33.VC_CORERESET);
        events.clear();
        core.systemResetPin(true);
        assertThat(resetLine.causes()).containsExactly("nSRST");
        assertThat(core.runState()).isEqualTo(CoreRunState.RESET);
        assertThat(read(DHCSR) & (S_RESET_ST | S_HALT)).isEqualTo(S_RESET_ST);
        assertThat(read(DHCSR) & S_RESET_ST).as("stays set while held").isEqualTo(S_RESET_ST);
        core.systemResetPin(false);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(events).containsExactly(CoreRunState.RESET, CoreRunState.HALTED);
    }

    @Test
    void secureStateCannotHaltWithoutSecureDebug() throws BusFault {
        core.bootConfig(() -> new BootConfig(TestSystemBus.FLASH, true));
        core.applyReset(ResetKind.SYSTEM);
        authentication.secureDebugEnabled(false);
        write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.RUNNING);
        assertThat(read(DHCSR) & CortexM33.S_SDE).isZero();
        authentication.secureDebugEnabled(true);
        write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
    }

    @Test
    void dauthstatusReflectsTheAuthenticationSignals() throws BusFault {
        assertThat(read(DAUTHSTATUS)).isEqualTo(0xFF);
        authentication.secureDebugEnabled(false);
        assertThat(read(DAUTHSTATUS)).isEqualTo(0xAF);
        authentication.debugEnabled(false);
        assertThat(read(DAUTHSTATUS)).isEqualTo(0xAA);
    }

    @Test
    void faultStatusRegistersClearByWritingOneAndShcsrHoldsItsValue() throws BusFault {
        write(SHCSR, 0x0007_0000L);
        assertThat(read(SHCSR)).isEqualTo(0x0007_0000L);
        write(CFSR, 0xFFFF_FFFFL);
        assertThat(read(CFSR)).isZero();
        core.applyReset(ResetKind.SYSTEM);
        assertThat(read(SHCSR)).as("a system reset restores the SCB").isZero();
    }

    @Test
    void listenersCanBeRemoved() throws BusFault {
        RunStateListener listener = events::add;
        core.addRunStateListener(listener);
        core.removeRunStateListener(listener);
        halt();
        assertThat(events).containsExactly(CoreRunState.HALTED);
    }

    @Test
    void subWordReadsReturnLanesAndSubWordWritesFault() throws BusFault {
        assertThat(ppb.read(0xE000_ED01L, 1, debug())).isEqualTo(0xD2);
        assertThat(ppb.read(0xE000_ED02L, 2, debug())).isEqualTo(0x410F);
        assertThatThrownBy(() -> ppb.write(0xE000_ED08L, 2, 0, debug())).isInstanceOf(BusFault.class);
    }

    private void halt() throws BusFault {
        write(DHCSR, DBGKEY | C_DEBUGEN | C_HALT);
        assertThat(core.runState()).isEqualTo(CoreRunState.HALTED);
    }

    private long readRegister(int regsel) throws BusFault {
        write(DCRSR, regsel);
        return read(DCRDR);
    }

    private void writeRegister(int regsel, long value) throws BusFault {
        write(DCRDR, value);
        write(DCRSR, 0x1_0000L | regsel);
    }

    private long read(long address) throws BusFault {
        return ppb.read(address, 4, debug());
    }

    private void write(long address, long value) throws BusFault {
        ppb.write(address, 4, value, debug());
    }

    private static BusAccess debug() {
        return BusAccess.debugSecure("AP1");
    }
}
