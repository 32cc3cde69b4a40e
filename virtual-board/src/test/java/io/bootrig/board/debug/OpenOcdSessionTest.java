package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The real /usr/bin/openocd drives the debug port through interface/virtual-board.cfg and target/stm32h5.cfg. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenOcdSessionTest {
    private static final String INIT_DONE = "bootrig-init-done";
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");

    private final TestSystemBus bus = new TestSystemBus();
    private final RecordingResetLine resetLine = new RecordingResetLine();
    private DebugPort debugPort;
    private OpenOcd openOcd;
    private TclRpc tcl;
    private List<String> initOutput;

    @BeforeAll
    void startOpenOcd() throws IOException {
        debugPort = DebugPort.start(bus, resetLine);
        openOcd = OpenOcd.start(debugPort.port());
        tcl = TclRpc.connect(openOcd);
        tcl.send("echo " + INIT_DONE);
        await().atMost(Duration.ofSeconds(30)).until(() -> openOcd.output().contains(INIT_DONE));
        initOutput = openOcd.output();
    }

    @AfterAll
    void stopOpenOcd() throws Exception {
        try {
            if (tcl != null) {
                tcl.close();
            }
        } finally {
            try {
                if (openOcd != null) {
                    openOcd.close();
                }
            } finally {
                if (debugPort != null) {
                    debugPort.close();
                }
            }
        }
    }

    @BeforeEach
    void bootFromFlash() {
        debugPort.core().bootConfig(() -> BootConfig.USER_FLASH_NON_SECURE);
    }

    @Test
    void initSucceedsWithoutErrorLines() {
        assertThat(initOutput).anyMatch(line -> line.contains("JTAG tap: stm32h5.cpu tap/device found: 0x0ba04477"));
        assertThat(initOutput).anyMatch(line -> line.contains("Cortex-M33 r0p4 processor detected"));
        assertThat(initOutput).anyMatch(line -> line.contains("target has 8 breakpoints, 4 watchpoints"));
        assertThat(OpenOcd.errorLines(initOutput)).as(String.join("\n", initOutput)).isEmpty();
        assertThat(initOutput).noneMatch(line -> line.startsWith("Warn"));
    }

    @Test
    void examineEndSetsTheDbgmcuThroughAp0() {
        assertThat(bus.dbgmcuRegister(0x4) & 0x6).isEqualTo(0x6);
        assertThat(bus.dbgmcuRegister(0x8) & 0x1800).isEqualTo(0x1800);
    }

    @Test
    void targetsListsTheMemApAndTheCore() throws IOException {
        String targets = tcl.capture("targets");
        assertThat(targets).containsPattern("stm32h5\\.ap0\\s+mem_ap");
        assertThat(targets).containsPattern("stm32h5\\.cpu\\s+cortex_m\\s+little\\s+stm32h5\\.cpu");
    }

    @Test
    void haltStopsTheCore() throws IOException {
        resume();
        assertThat(tcl.call("halt").ok()).isTrue();
        assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("halted");
        assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.HALTED);
        assertThat(debugPort.core().lastHaltReason()).isEqualTo(HaltReason.DEBUG_REQUEST);
    }

    @Test
    void resumeLetsTheCoreRun() throws IOException {
        halt();
        assertThat(tcl.call("resume").ok()).isTrue();
        assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("running");
        assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RUNNING);
    }

    @Test
    void resetHaltStopsAtTheResetVectorByVectorCatch() throws IOException {
        resume();
        resetLine.causes().clear();
        TclRpc.Outcome reset = tcl.call("reset halt");
        assertThat(reset.ok()).as(reset.message()).isTrue();
        assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("halted");
        assertThat(debugPort.core().lastHaltReason()).isEqualTo(HaltReason.VECTOR_CATCH);
        assertThat(resetLine.causes()).containsExactly("AIRCR.SYSRESETREQ");
        assertThat(register("pc")).isEqualTo(0x0800_0100L);
        assertThat(register("msp")).isEqualTo(TestSystemBus.INITIAL_SP);
        assertThat(register("xPSR")).isEqualTo(0x0100_0000L);
    }

    @Test
    void resetHaltFollowsTheBootAddressTheSocChooses() throws IOException {
        bus.vectorTable(TestSystemBus.RAM + 0x800, 0x2000_3000L, 0x2000_0901L);
        debugPort.core().bootConfig(() -> new BootConfig(TestSystemBus.RAM + 0x800, false));
        assertThat(tcl.call("reset halt").ok()).isTrue();
        assertThat(register("pc")).isEqualTo(0x2000_0900L);
        assertThat(register("msp")).isEqualTo(0x2000_3000L);
    }

    @Test
    void resetRunLeavesTheCoreRunning() throws IOException {
        assertThat(tcl.call("reset run").ok()).isTrue();
        assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("running");
        assertThat(debugPort.core().runState()).isEqualTo(CoreRunState.RUNNING);
    }

    @Test
    void stepExecutesOneInstruction() throws IOException {
        halt();
        long pc = register("pc");
        TclRpc.Outcome step = tcl.call("step");
        assertThat(step.ok()).as(step.message()).isTrue();
        assertThat(tcl.send("stm32h5.cpu curstate")).isEqualTo("halted");
        assertThat(register("pc")).isEqualTo(pc + 2);
        assertThat(debugPort.core().lastHaltReason()).isEqualTo(HaltReason.STEP);
    }

    @Test
    void wordHalfwordAndByteCommands() throws IOException {
        assertThat(tcl.call("mww 0x20000100 0x12345678").ok()).isTrue();
        assertThat(tcl.capture("mdw 0x20000100")).contains("0x20000100: 12345678");
        assertThat(tcl.call("mwh 0x20000104 0xbeef").ok()).isTrue();
        assertThat(tcl.capture("mdh 0x20000104")).contains("0x20000104: beef");
        assertThat(tcl.call("mwb 0x20000106 0x5a").ok()).isTrue();
        assertThat(tcl.capture("mdb 0x20000106")).contains("0x20000106: 5a");
        assertThat(tcl.capture("mdb 0x20000101 3")).contains("0x20000101: 56 34 12");
        assertThat(tcl.capture("mdw 0x20000100 2")).contains("0x20000100: 12345678 005abeef");
        assertThat(Arrays.copyOfRange(bus.ram(), 0x100, 0x108))
                .containsExactly(0x78, 0x56, 0x34, 0x12, 0xef, 0xbe, 0x5a, 0x00);
    }

    @Test
    void readMemoryAndWriteMemory() throws IOException {
        assertThat(tcl.call("write_memory 0x20000200 32 {0x11111111 0x22222222 0x33333333}").ok()).isTrue();
        assertThat(tcl.send("read_memory 0x20000200 32 3")).isEqualTo("0x11111111 0x22222222 0x33333333");
        assertThat(tcl.call("write_memory 0x20000210 16 {0x1234 0xabcd}").ok()).isTrue();
        assertThat(tcl.send("read_memory 0x20000210 8 4")).isEqualTo("0x34 0x12 0xcd 0xab");
        assertThat(tcl.send("read_memory 0x20000211 16 1")).as("unaligned").isNotEmpty();
        assertThat(tcl.send("read_memory 0x08000000 32 2")).isEqualTo("0x200a0000 0x8000101");
    }

    @Test
    void loadImageAndDumpImageOf64KilobytesAreByteExact(@TempDir Path dir) throws IOException {
        byte[] image = new byte[64 * 1024];
        new Random(0x5EED).nextBytes(image);
        Path imageFile = Files.write(dir.resolve("image.bin"), image);
        Path dumpFile = dir.resolve("dump.bin");
        long address = TestSystemBus.RAM + 0x1_0000;

        long start = System.nanoTime();
        TclRpc.Outcome load = tcl.call("load_image {" + imageFile + "} " + hex(address) + " bin");
        long loaded = System.nanoTime();
        TclRpc.Outcome dump = tcl.call("dump_image {" + dumpFile + "} " + hex(address) + " 65536");
        long dumped = System.nanoTime();

        assertThat(load.ok()).as(load.message()).isTrue();
        assertThat(dump.ok()).as(dump.message()).isTrue();
        assertThat(Arrays.copyOfRange(bus.ram(), 0x1_0000, 0x2_0000)).isEqualTo(image);
        assertThat(Files.readAllBytes(dumpFile)).isEqualTo(image);
        System.out.printf("load_image 64 KB: %d ms, dump_image 64 KB: %d ms%n",
                (loaded - start) / 1_000_000, (dumped - loaded) / 1_000_000);
    }

    @Test
    void readFromAHoleFailsAndOpenOcdRecovers() throws IOException {
        long faults = debugPort.counters().count(DapTransaction.AP_FAULT);
        TclRpc.Outcome hole = tcl.call("mdw 0x60000000");
        assertThat(hole.ok()).isFalse();
        assertThat(debugPort.counters().count(DapTransaction.AP_FAULT)).isGreaterThan(faults);
        assertThat(tcl.capture("mdw 0x08000000")).contains("0x08000000: 200a0000");
    }

    @Test
    void nonSecureTransfersToSecureMemoryFault() throws IOException {
        assertThat(tcl.send("read_memory 0x30000000 32 1")).isEqualTo("0x0");
        assertThat(tcl.call("stm32h5.dap apsel 1").ok()).isTrue();
        try {
            assertThat(tcl.call("stm32h5.dap apcsw 0x4B000000 0x4F000000").ok()).isTrue();
            assertThat(tcl.call("mdw 0x30000000").ok()).isFalse();
            assertThat(tcl.capture("mdw 0x20000000")).contains("0x20000000:");
            assertThat(bus.lastAccess().secure()).isFalse();
        } finally {
            assertThat(tcl.call("stm32h5.dap apcsw 0x02000000 0x4F000000").ok()).isTrue();
        }
        assertThat(tcl.call("mdw 0x30000000").ok()).isTrue();
        assertThat(bus.lastAccess().secure()).isTrue();
    }

    @Test
    void ap0ReadsTheDbgmcuIdcode() throws IOException {
        assertThat(tcl.send("stm32h5.ap0 read_memory 0xE0044000 32 1")).isEqualTo("0x10006484");
        assertThat(tcl.capture("stm32h5.ap0 mdw 0xE0044000")).contains("0xe0044000: 10006484");
    }

    @Test
    void dapInfoWalksTheRomTable() throws IOException {
        String info = tcl.capture("stm32h5.dap info 1");
        assertThat(info).contains("AP ID register 0x04770015", "Type is MEM-AP AHB5", "Valid ROM table present",
                "Processor debug architecture (ARMv8-M)", "DWT architecture",
                "Flash Patch and Breakpoint unit (FPB) architecture", "End of ROM table");
    }

    private void halt() throws IOException {
        assertThat(tcl.call("halt").ok()).isTrue();
    }

    private void resume() throws IOException {
        if (tcl.send("stm32h5.cpu curstate").equals("halted")) {
            assertThat(tcl.call("resume").ok()).isTrue();
        }
    }

    private long register(String name) throws IOException {
        String line = tcl.capture("reg " + name);
        Matcher matcher = HEX.matcher(line);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        assertThat(last).as(line).isNotNull();
        return Long.decode(last);
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
