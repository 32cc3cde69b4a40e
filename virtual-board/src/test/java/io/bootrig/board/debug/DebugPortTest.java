package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The whole debug port driven over TCP with remote_bitbang characters, as OpenOCD drives it. */
class DebugPortTest {
    private final TestSystemBus bus = new TestSystemBus();
    private final RecordingResetLine resetLine = new RecordingResetLine();
    private final DebugPort debugPort;

    DebugPortTest() throws IOException {
        debugPort = DebugPort.start(bus, resetLine);
    }

    @AfterEach
    void close() {
        debugPort.close();
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertThat(debugPort.host()).isEqualTo("127.0.0.1");
        assertThat(debugPort.port()).isPositive();
    }

    @Test
    void readsIdcodeAndTheApIdentities() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            assertThat(host.scanDr(0, 32)).isEqualTo(DebugPort.JTAG_IDCODE);
            host.powerUp();
            assertThat(host.dpRead(AdiV5DebugPort.CTRL_STAT)).isEqualTo(0xF000_0000L);
            assertThat(host.apRead(0, MemAp.IDR)).isEqualTo(0x5477_0002L);
            assertThat(host.apRead(1, MemAp.IDR)).isEqualTo(0x0477_0015L);
            assertThat(host.apRead(1, MemAp.BASE)).isEqualTo(0xE00F_F003L);
            assertThat(host.apRead(2, MemAp.IDR)).as("no AP2").isZero();
        }
    }

    @Test
    void memoryThroughBothAccessPorts() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            host.powerUp();
            host.writeWord(1, TestSystemBus.RAM + 0x40, 0xFEED_F00DL);
            assertThat(host.readWord(1, TestSystemBus.RAM + 0x40)).isEqualTo(0xFEED_F00DL);
            assertThat(host.readWord(1, 0xE000_ED00L)).as("CPUID via AP1").isEqualTo(0x410F_D214L);
            assertThat(host.readWord(0, 0xE004_4000L)).as("DBGMCU IDCODE via AP0").isEqualTo(0x1000_6484L);
            assertThat(debugPort.counters().count(DapTransaction.AP_READ)).isEqualTo(3);
        }
    }

    @Test
    void busFaultSetsStickyErrorUntilCleared() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            host.powerUp();
            host.readWord(1, 0x6000_0000L);
            assertThat(host.dpRead(AdiV5DebugPort.CTRL_STAT) & AdiV5DebugPort.STICKYERR).isNotZero();
            assertThat(host.readWord(1, TestSystemBus.FLASH)).as("discarded").isZero();
            host.dpWrite(AdiV5DebugPort.CTRL_STAT, 0x5000_0020L);
            assertThat(host.readWord(1, TestSystemBus.FLASH)).isEqualTo(TestSystemBus.INITIAL_SP);
            assertThat(debugPort.counters().count(DapTransaction.AP_FAULT)).isEqualTo(1);
            assertThat(debugPort.counters().count(DapTransaction.AP_DISCARDED)).isPositive();
        }
    }

    @Test
    void secureTransfersFaultWhenSecureDebugIsDisabled() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            host.powerUp();
            debugPort.authentication().secureDebugEnabled(false);
            host.readWord(1, TestSystemBus.RAM);
            assertThat(host.dpRead(AdiV5DebugPort.CTRL_STAT) & AdiV5DebugPort.STICKYERR).isNotZero();
        }
    }

    @Test
    void systemResetPinHoldsAndReleasesTheCore() throws IOException {
        List<CoreRunState> events = new CopyOnWriteArrayList<>();
        debugPort.core().addRunStateListener(events::add);
        try (BitbangScanner host = connect()) {
            host.send("sR");
            assertThat(host.readReply()).isEqualTo('0');
            assertThat(resetLine.causes()).containsExactly("nSRST");
            assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RESET);
            host.send("rR");
            assertThat(host.readReply()).isEqualTo('0');
            assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RUNNING);
            assertThat(events).containsExactly(CoreRunState.RESET, CoreRunState.RUNNING);
        }
    }

    @Test
    void adapterDisconnectReleasesAHeldReset() throws IOException {
        try (BitbangScanner host = connect()) {
            host.send("uR");
            host.readReply();
            assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RESET);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> debugPort.core().runState() == CoreRunState.RUNNING);
    }

    @Test
    void testResetReturnsTheTapToIdcode() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            host.scanIr(JtagTap.IR_BYPASS);
            host.send("tr");
            host.leaveReset();
            assertThat(host.scanDr(0, 32)).isEqualTo(DebugPort.JTAG_IDCODE);
        }
    }

    @Test
    void ignoresBlinkAndQuitEndsTheSession() throws IOException {
        try (BitbangScanner host = connect()) {
            host.send("BbR");
            assertThat(host.readReply()).isEqualTo('0');
            host.send("QR");
            assertThat(host.readReply()).as("connection closed without a reply").isEqualTo(-1);
        }
        try (BitbangScanner next = connect()) {
            next.resetToIdle();
            assertThat(next.scanDr(0, 32)).isEqualTo(DebugPort.JTAG_IDCODE);
        }
    }

    @Test
    void servesOneClientAtATime() throws IOException {
        BitbangScanner first = connect();
        try (BitbangScanner second = connect()) {
            first.send("R");
            assertThat(first.readReply()).isEqualTo('0');
            second.socket().setSoTimeout(300);
            second.send("R");
            assertThat(readTimesOut(second)).isTrue();
            first.close();
            second.socket().setSoTimeout(10_000);
            assertThat(second.readReply()).isEqualTo('0');
        } finally {
            first.close();
        }
    }

    @Test
    void closeStopsTheServerThreadAndTheClientConnection() throws IOException {
        String threadName = RemoteBitbangServer.THREAD_NAME_PREFIX + debugPort.port();
        assertThat(threadsNamed(threadName)).hasSize(1);
        try (BitbangScanner host = connect()) {
            host.send("R");
            host.readReply();
            debugPort.close();
            assertThat(host.readReply()).isEqualTo(-1);
        }
        assertThat(threadsNamed(threadName)).isEmpty();
        assertThat(canConnect()).isFalse();
    }

    @Test
    void powerOnResetDropsDebugPowerSoTheDebuggerMustReconnect() throws IOException {
        try (BitbangScanner host = connect()) {
            host.resetToIdle();
            host.powerUp();
            debugPort.applyReset(ResetKind.POWER_ON);
            host.resetToIdle();
            assertThat(host.dpRead(AdiV5DebugPort.CTRL_STAT)).isZero();
            assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RUNNING);
        }
    }

    private BitbangScanner connect() throws IOException {
        return new BitbangScanner(debugPort.host(), debugPort.port());
    }

    private boolean canConnect() {
        try (Socket socket = new Socket(debugPort.host(), debugPort.port())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean readTimesOut(BitbangScanner host) throws IOException {
        try {
            host.readReply();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(name) && thread.isAlive())
                .toList();
    }
}
