package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JtagTapTest {
    private final DapCounters counters = new DapCounters();
    private final AdiV5DebugPort dp = new AdiV5DebugPort(DebugPort.DPIDR, DebugPort.TARGETID, counters);
    private final JtagTap tap = new JtagTap(DebugPort.JTAG_IDCODE, new JtagDpScans(dp));
    private final TapScanner host = new TapScanner(tap);

    @BeforeEach
    void reset() {
        host.resetToIdle();
    }

    @Test
    void testLogicResetSelectsIdcode() {
        assertThat(tap.state()).isEqualTo(TapState.RUN_TEST_IDLE);
        assertThat(tap.instruction()).isEqualTo(JtagTap.IR_IDCODE);
        assertThat(host.scanDr(0, 32)).isEqualTo(0x0BA0_4477L);
    }

    @Test
    void idcodeShiftsOutThenPassesTdiThrough() {
        long captured = host.scanDr(0xFFFF_FFFF_FFFFL, 48);
        assertThat(captured & 0xFFFF_FFFFL).isEqualTo(0x0BA0_4477L);
        assertThat(captured >>> 32).isEqualTo(0xFFFFL);
    }

    @Test
    void irCaptureIsOneAndTheInstructionTakesEffectOnUpdate() {
        assertThat(host.scanIr(JtagTap.IR_BYPASS)).isEqualTo(JtagTap.IR_CAPTURE);
        assertThat(tap.instruction()).isEqualTo(JtagTap.IR_BYPASS);
    }

    @Test
    void bypassIsOneBitThatCapturesZero() {
        host.scanIr(JtagTap.IR_BYPASS);
        assertThat(host.scanDr(0b1011, 4)).isEqualTo(0b0110);
    }

    @Test
    void unknownInstructionsBehaveAsBypass() {
        host.scanIr(0x3);
        assertThat(host.scanDr(0b1, 2)).isEqualTo(0b10);
    }

    @Test
    void dapScansCaptureOkFaultAckAndThePreviousResult() {
        long first = host.dapScan(JtagTap.IR_DPACC, true, AdiV5DebugPort.DPIDR, 0);
        assertThat(first & 0b111).isEqualTo(JtagAck.OK_FAULT.code);
        long second = host.dapScan(JtagTap.IR_DPACC, true, AdiV5DebugPort.RDBUFF, 0);
        assertThat(second & 0b111).isEqualTo(0b010);
        assertThat(second >>> 3).isEqualTo(DebugPort.DPIDR);
        assertThat(host.dapScan(JtagTap.IR_DPACC, true, AdiV5DebugPort.RDBUFF, 0) >>> 3).isZero();
    }

    @Test
    void writesReachTheDpOnUpdate() {
        host.dpWrite(AdiV5DebugPort.SELECT, 0x0100_00F0L);
        assertThat(host.dpRead(AdiV5DebugPort.SELECT)).isEqualTo(0x0100_00F0L);
        assertThat(counters.count(DapTransaction.DP_WRITE)).isEqualTo(1);
    }

    @Test
    void abortScanIsCounted() {
        host.dapScan(JtagTap.IR_ABORT, false, 0, 1);
        assertThat(counters.count(DapTransaction.ABORT)).isEqualTo(1);
    }

    @Test
    void testResetHoldsTheTapInTestLogicReset() {
        host.scanIr(JtagTap.IR_DPACC);
        tap.testReset(true);
        assertThat(tap.state()).isEqualTo(TapState.TEST_LOGIC_RESET);
        assertThat(tap.instruction()).isEqualTo(JtagTap.IR_IDCODE);
        tap.drive(false, false, false);
        tap.drive(true, false, false);
        assertThat(tap.state()).isEqualTo(TapState.TEST_LOGIC_RESET);
        tap.testReset(false);
        tap.drive(false, false, false);
        tap.drive(true, false, false);
        assertThat(tap.state()).isEqualTo(TapState.RUN_TEST_IDLE);
    }

    @Test
    void tdoIsLowOutsideShiftStates() {
        assertThat(tap.tdo()).isFalse();
    }

    @Test
    void onlyRisingEdgesClockTheTap() {
        tap.drive(false, true, false);
        tap.drive(true, true, false);
        tap.drive(true, true, false);
        tap.drive(false, true, false);
        assertThat(tap.state()).isEqualTo(TapState.SELECT_DR_SCAN);
    }
}
