package io.bootrig.board.debug;

import static io.bootrig.board.debug.AdiV5DebugPort.CDBGPWRUPACK;
import static io.bootrig.board.debug.AdiV5DebugPort.CDBGPWRUPREQ;
import static io.bootrig.board.debug.AdiV5DebugPort.CSYSPWRUPACK;
import static io.bootrig.board.debug.AdiV5DebugPort.CSYSPWRUPREQ;
import static io.bootrig.board.debug.AdiV5DebugPort.CTRL_STAT;
import static io.bootrig.board.debug.AdiV5DebugPort.ORUNDETECT;
import static io.bootrig.board.debug.AdiV5DebugPort.SELECT;
import static io.bootrig.board.debug.AdiV5DebugPort.STICKYCMP;
import static io.bootrig.board.debug.AdiV5DebugPort.STICKYERR;
import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusFault;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdiV5DebugPortTest {
    private final DapCounters counters = new DapCounters();
    private final AdiV5DebugPort dp = new AdiV5DebugPort(DebugPort.DPIDR, DebugPort.TARGETID, counters);
    private final FakeAp ap = new FakeAp();

    @BeforeEach
    void connect() {
        dp.connect(1, ap);
    }

    @Test
    void powerUpRequestsAreAcknowledged() {
        assertThat(dp.readDp(CTRL_STAT)).isZero();
        dp.writeDp(CTRL_STAT, 0x5000_0020L);
        assertThat(dp.readDp(CTRL_STAT)).isEqualTo(CSYSPWRUPREQ | CSYSPWRUPACK | CDBGPWRUPREQ | CDBGPWRUPACK);
        dp.writeDp(CTRL_STAT, 0x5000_0001L);
        assertThat(dp.readDp(CTRL_STAT)).isEqualTo(0xF000_0001L);
        dp.writeDp(CTRL_STAT, 0);
        assertThat(dp.readDp(CTRL_STAT)).isZero();
    }

    @Test
    void debugResetRequestIsAcknowledged() {
        dp.writeDp(CTRL_STAT, AdiV5DebugPort.CDBGRSTREQ);
        assertThat(dp.readDp(CTRL_STAT)).isEqualTo(AdiV5DebugPort.CDBGRSTREQ | AdiV5DebugPort.CDBGRSTACK);
    }

    @Test
    void dpidrAndBankedRegisters() {
        assertThat(dp.readDp(AdiV5DebugPort.DPIDR)).isEqualTo(0x0BE1_2477L);
        dp.writeDp(SELECT, 2);
        assertThat(dp.readDp(CTRL_STAT)).isEqualTo(DebugPort.TARGETID);
        dp.writeDp(SELECT, 3);
        assertThat(dp.readDp(CTRL_STAT)).isEqualTo(1);
        dp.writeDp(SELECT, 1);
        dp.writeDp(CTRL_STAT, CDBGPWRUPREQ);
        dp.writeDp(SELECT, 0);
        assertThat(dp.readDp(CTRL_STAT)).as("a DLCR write must not reach CTRL/STAT").isZero();
    }

    @Test
    void rdbuffReadsZeroOnJtag() {
        dp.writeDp(AdiV5DebugPort.RDBUFF, 0x1234);
        assertThat(dp.readDp(AdiV5DebugPort.RDBUFF)).isZero();
    }

    @Test
    void selectPicksTheApAndTheRegisterBank() {
        powerUp();
        dp.writeDp(SELECT, 0x0100_00F0L);
        assertThat(dp.readAp(0xC)).isEqualTo(0xFC);
        dp.writeDp(SELECT, 0x0100_0010L);
        dp.writeAp(0x4, 0xAB);
        assertThat(ap.registers).containsEntry(0x14, 0xABL);
        assertThat(dp.readDp(SELECT)).isEqualTo(0x0100_0010L);
    }

    @Test
    void absentApReadsZero() {
        powerUp();
        dp.writeDp(SELECT, 0x0500_00F0L);
        assertThat(dp.readAp(0xC)).isZero();
        assertThat(dp.readDp(CTRL_STAT) & STICKYERR).isZero();
    }

    @Test
    void apFaultSetsStickyErrorAndLaterApAccessesAreDiscarded() {
        powerUp();
        dp.writeDp(SELECT, 0x0100_0000L);
        ap.faulting = true;
        assertThat(dp.readAp(0x0)).isZero();
        assertThat(dp.readDp(CTRL_STAT) & STICKYERR).isEqualTo(STICKYERR);
        assertThat(counters.count(DapTransaction.AP_FAULT)).isEqualTo(1);

        ap.faulting = false;
        dp.writeAp(0x8, 0x55);
        assertThat(dp.readAp(0x8)).isZero();
        assertThat(ap.registers).doesNotContainKey(0x08);
        assertThat(counters.count(DapTransaction.AP_DISCARDED)).isEqualTo(2);
    }

    @Test
    void stickyErrorIsClearedByWritingOne() {
        powerUp();
        dp.writeDp(SELECT, 0x0100_0000L);
        ap.faulting = true;
        dp.readAp(0x0);
        ap.faulting = false;
        dp.writeDp(CTRL_STAT, CSYSPWRUPREQ | CDBGPWRUPREQ);
        assertThat(dp.readDp(CTRL_STAT) & STICKYERR).as("writing 0 keeps it").isEqualTo(STICKYERR);
        dp.writeDp(CTRL_STAT, CSYSPWRUPREQ | CDBGPWRUPREQ | STICKYERR);
        assertThat(dp.readDp(CTRL_STAT) & STICKYERR).isZero();
        dp.writeAp(0x8, 0x55);
        assertThat(dp.readAp(0x8)).isEqualTo(0x55);
        assertThat(dp.readDp(CTRL_STAT) & AdiV5DebugPort.READOK).isEqualTo(AdiV5DebugPort.READOK);
    }

    @Test
    void apAccessWithoutDebugPowerIsAnError() {
        dp.writeDp(SELECT, 0x0100_0000L);
        dp.writeAp(0x8, 1);
        assertThat(ap.registers).doesNotContainKey(0x08);
        assertThat(dp.readDp(CTRL_STAT) & STICKYERR).isEqualTo(STICKYERR);
    }

    @Test
    void pushedVerifyComparesInsteadOfWriting() {
        powerUp();
        dp.writeDp(SELECT, 0x0100_0000L);
        dp.writeAp(0x8, 0x1234_5678L);
        long pushedVerify = CSYSPWRUPREQ | CDBGPWRUPREQ | (0b01 << 2) | (0xF << 8);
        dp.writeDp(CTRL_STAT, pushedVerify);
        dp.writeAp(0x8, 0x1234_5678L);
        assertThat(dp.readDp(CTRL_STAT) & STICKYCMP).isZero();
        dp.writeAp(0x8, 0x1234_0000L);
        assertThat(dp.readDp(CTRL_STAT) & STICKYCMP).isEqualTo(STICKYCMP);
        assertThat(ap.registers).containsEntry(0x08, 0x1234_5678L);
        dp.writeDp(CTRL_STAT, pushedVerify | STICKYCMP);
        assertThat(dp.readDp(CTRL_STAT) & STICKYCMP).isZero();
    }

    @Test
    void powerOnResetDropsPowerAndSelect() {
        powerUp();
        dp.writeDp(SELECT, 0x0100_00F0L);
        dp.powerOnReset();
        assertThat(dp.readDp(CTRL_STAT)).isZero();
        assertThat(dp.readDp(SELECT)).isZero();
        assertThat(ap.resets).isEqualTo(1);
    }

    @Test
    void countsTransactionsPerKind() {
        powerUp();
        dp.readDp(CTRL_STAT);
        dp.writeDp(SELECT, 0x0100_0000L);
        dp.readAp(0);
        dp.writeAp(0, 0);
        dp.abort(1);
        assertThat(counters.snapshot())
                .containsEntry(DapTransaction.DP_WRITE, 2L)
                .containsEntry(DapTransaction.DP_READ, 1L)
                .containsEntry(DapTransaction.AP_READ, 1L)
                .containsEntry(DapTransaction.AP_WRITE, 1L)
                .containsEntry(DapTransaction.ABORT, 1L);
        counters.reset();
        assertThat(counters.count(DapTransaction.DP_WRITE)).isZero();
    }

    @Test
    void overrunDetectionIsKept() {
        dp.writeDp(CTRL_STAT, CSYSPWRUPREQ | CDBGPWRUPREQ | ORUNDETECT);
        assertThat(dp.readDp(CTRL_STAT) & ORUNDETECT).isEqualTo(ORUNDETECT);
    }

    private void powerUp() {
        dp.writeDp(CTRL_STAT, CSYSPWRUPREQ | CDBGPWRUPREQ);
    }

    /** Registers that hold what is written; 0xFC reads its own offset. */
    private static final class FakeAp implements AccessPort {
        final Map<Integer, Long> registers = new HashMap<>();
        boolean faulting;
        int resets;

        @Override
        public long read(int register) throws BusFault {
            if (faulting) {
                throw new BusFault(0, "test fault");
            }
            return register == 0xFC ? 0xFC : registers.getOrDefault(register, 0L);
        }

        @Override
        public void write(int register, long value) throws BusFault {
            if (faulting) {
                throw new BusFault(0, "test fault");
            }
            registers.put(register, value);
        }

        @Override
        public void reset() {
            resets++;
        }
    }
}
