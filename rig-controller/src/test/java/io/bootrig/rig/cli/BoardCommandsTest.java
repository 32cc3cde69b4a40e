package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.inventory.Inventory;
import io.bootrig.rig.inventory.TestHomes;
import io.bootrig.rig.lease.Lease;
import io.bootrig.rig.lease.Leases;
import io.bootrig.rig.sim.VirtualBoardProcess;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The board commands on one virtual board from a test inventory, through the real OpenOCD, in procedure order. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoardCommandsTest {
    private static final Path ROOT = TestEnvironment.root();
    private static final String KEYSTORE = ROOT.resolve("fixtures/wolfboot/lms/keystore.c").toString();
    private static final String OTP = ROOT.resolve("fixtures/wolfboot/lms/otp.bin").toString();
    private static final String V1 = ROOT.resolve("fixtures/virtual-board/image_v1_signed.bin").toString();
    private static final String V2 = ROOT.resolve("fixtures/virtual-board/image_v2_signed.bin").toString();

    @TempDir
    static Path tmp;

    private static RigHome home;

    @BeforeAll
    static void inventory() throws Exception {
        TestEnvironment.openocd();
        Path boards = Files.createDirectories(tmp.resolve("boards"));
        for (String name : new String[] {"bench", "keeper"}) {
            Files.writeString(boards.resolve(name + ".yaml"), String.join("\n",
                    "name: " + name,
                    "kind: virtual",
                    "console: virtual",
                    "power: virtual",
                    "openocd:",
                    "  interface: interface/virtual-board.cfg",
                    "wolfboot-config: " + TestHomes.lmsConfig(),
                    "tags:",
                    "  sacrificial: " + name.equals("bench"),
                    "state-directory: " + tmp.resolve(name),
                    ""));
        }
        home = TestHomes.under(tmp, Map.of("PATH", System.getenv("PATH")));
    }

    @AfterAll
    static void stopBoards() throws Exception {
        for (String name : new String[] {"bench", "keeper"}) {
            var r = VirtualBoardProcess.running(tmp.resolve(name));
            if (r.isPresent()) {
                VirtualBoardProcess.stop(r.get());
            }
        }
    }

    @Test
    @Order(1)
    void dryRunListsTheWritesAndChangesNothing() throws Exception {
        Rig r = Rig.runIn(home, "provision", "--board", "bench", "--keystore", KEYSTORE, "--image", V1, "--dry-run",
                "--secwm1", "0x00-0x1F");
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("dry run: nothing is written", "write: option bytes: TZEN 0xC3 -> 0xB4",
                "warning: SECWM1: the requested SECWM1 0x00..0x1F does not cover SECWM1 0x00..0x2F",
                "write: program otp-primer.bin", "planned", "provision passed");
        Rig otp = Rig.runIn(home, "otp", "read", "--board", "bench");
        assertThat(otp.out()).contains("bench: OTP blank");
    }

    @Test
    @Order(2)
    void provisionWritesARunRecordAndTheOtpMatches() throws Exception {
        Path run = tmp.resolve("provision-run");
        Rig r = Rig.runIn(home, "provision", "--board", "bench", "--keystore", KEYSTORE, "--image", V1, "--run-dir",
                run.toString());
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("[12/12] boot", "provision passed", "run files: " + run);
        JsonNode record = new ObjectMapper().readTree(run.resolve("record.json").toFile());
        assertThat(record.get("passed").asBoolean()).isTrue();
        assertThat(record.get("steps")).hasSize(12);
        assertThat(record.at("/results/firmwareVersion").asLong()).isEqualTo(1);
        assertThat(Files.readString(run.resolve("transcript.txt"))).contains("---- step 12/12: boot", "---- console opened");
        assertThat(Files.readString(run.resolve("openocd.log"))).contains("Open On-Chip Debugger");

        Rig read = Rig.runIn(home, "otp", "read", "--board", "bench", "--json");
        assertThat(read.exit()).as(read.err()).isZero();
        JsonNode otp = new ObjectMapper().readTree(read.out());
        assertThat(otp.at("/header/keys").asInt()).isEqualTo(2);
        assertThat(otp.at("/keys/1/mask").asText()).isEqualTo("0x0000000E");
        assertThat(Rig.runIn(home, "otp", "verify", "--board", "bench", "--expected", OTP).exit()).isZero();
        Rig other = Rig.runIn(home, "otp", "verify", "--board", "bench", "--expected",
                ROOT.resolve("fixtures/wolfboot/ecc256/otp.bin").toString());
        assertThat(other.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(other.out()).contains("OTP differs");
        Rig hex = Rig.runIn(home, "otp", "read", "--board", "bench", "--hex");
        assertThat(hex.out()).startsWith("08FFF000  57 4F 4C 46 42 4F 4F 54").contains("08FFF7C0  .. ..");
    }

    @Test
    @Order(3)
    void theConsoleOfAnInventoryBoard() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RigCli.run(new String[] {"console", "--board", "bench", "--drain", "500ms"}, home,
                new ByteArrayInputStream("info\n".getBytes(StandardCharsets.US_ASCII)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("System information", "Firmware version : 0x1");
    }

    @Test
    @Order(4)
    void updateToV2ThenHealthIsRecorded() throws Exception {
        Rig r = Rig.runIn(home, "update", "--board", "bench", "--image", V2, "--keystore", KEYSTORE);
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("board: Update written successfully. Reboot to apply.", "v2 boots in TESTING",
                "v2 CONFIRMED");
        Rig healthy = Rig.runIn(home, "health", "--board", "bench", "--expect-version", "2");
        assertThat(healthy.exit()).as(healthy.err() + healthy.out()).isZero();
        assertThat(healthy.out()).contains("bench: OK");
        Rig stale = Rig.runIn(home, "health", "--board", "bench", "--expect-version", "3");
        assertThat(stale.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(stale.out()).contains("bench: PRODUCT", "the board runs v2, expected v3");
        assertThat(Rig.runIn(home, "boards").out()).containsPattern("bench .* product: firmware: the board runs v2");
    }

    @Test
    @Order(5)
    void anUpdateThatShouldBeRefusedIsReportedWhenTaken() {
        Rig r = Rig.runIn(home, "update", "--board", "bench", "--image",
                ROOT.resolve("fixtures/virtual-board/image_v2_bad_signature_signed.bin").toString(), "--expect",
                "refused", "--keystore", KEYSTORE);
        assertThat(r.exit()).as(r.err() + r.out()).isZero();
        assertThat(r.out()).contains("wolfBoot should reject it: signature", "v2 still boots");
    }

    @Test
    @Order(6)
    void optionsFlashAndErase() throws Exception {
        Rig show = Rig.runIn(home, "options", "show", "--board", "bench", "--json");
        JsonNode ob = new ObjectMapper().readTree(show.out());
        assertThat(ob.get("TZEN").asText()).startsWith("0xB4");
        assertThat(ob.get("SWAP_BANK").asInt()).isEqualTo(1);
        Path blob = tmp.resolve("blob.bin");
        Files.write(blob, new byte[5000]);
        Rig flash = Rig.runIn(home, "flash", "--board", "bench", blob.toString(), "--address", "0x080C0000", "--erase");
        assertThat(flash.exit()).as(flash.err()).isZero();
        assertThat(flash.out()).contains("erased 1 sector(s)", "programmed at 0x080C0000 and verified");
        Rig again = Rig.runIn(home, "flash", "--board", "bench", blob.toString(), "--address", "0x080C0000");
        assertThat(again.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
        assertThat(again.err()).contains("bench:", "STRBERR");
        assertThat(Rig.runIn(home, "erase", "--mass", "--board", "bench").exit()).isZero();
        assertThat(Rig.runIn(home, "otp", "verify", "--board", "bench", "--expected", OTP).exit()).isZero();
    }

    @Test
    @Order(7)
    void aBoardNotTaggedSacrificialIsNotProvisionedWithoutConfirmation() {
        Rig r = Rig.runIn(home, "provision", "--board", "keeper", "--keystore", KEYSTORE, "--image", V1);
        assertThat(r.exit()).isEqualTo(ExitCode.REJECTED);
        assertThat(r.out()).contains("FAILED (refused)", "--confirm-otp", "nothing was written");
        assertThat(Rig.runIn(home, "otp", "read", "--board", "keeper").out()).contains("keeper: OTP blank");
    }

    @Test
    @Order(8)
    void aBoardHeldByAnotherJobIsAnInfrastructureFailure() throws Exception {
        try (Lease held = new Leases(home).acquire(Inventory.load(home).resolve("keeper"), false, Duration.ZERO,
                "rig soak")) {
            Rig r = Rig.runIn(home, "otp", "read", "--board", "keeper");
            assertThat(r.exit()).isEqualTo(ExitCode.INFRASTRUCTURE);
            assertThat(r.err()).contains("keeper:", held.owner(), "rig soak");
        }
    }
}
