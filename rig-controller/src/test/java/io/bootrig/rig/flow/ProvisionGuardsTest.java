package io.bootrig.rig.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.console.Transcript;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.sim.VirtualBoardProcess;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every provisioning guard refuses before any write: the board's persisted state (flash, OTP, option bytes) is
 * byte-identical afterwards. The dry run likewise writes nothing and lists every write it would do.
 */
class ProvisionGuardsTest {
    @TempDir
    Path dir;

    private Path boardDir() {
        return dir.resolve("board");
    }

    @AfterEach
    void stopBoard() throws Exception {
        var running = VirtualBoardProcess.running(boardDir());
        if (running.isPresent()) {
            VirtualBoardProcess.stop(running.get());
        }
    }

    @Test
    void aBoardNotTaggedSacrificialNeedsConfirmation() throws Exception {
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), false), FlowFixtures.provision(false),
                false, s -> { });
        assertRefused(r, "is not tagged 'sacrificial: true'", "--confirm-otp");
    }

    @Test
    void otpHoldingAnotherKeystoreIsRefused() throws Exception {
        byte[] ecc = Files.readAllBytes(FlowFixtures.ROOT.resolve("fixtures/wolfboot/ecc256/otp.bin"));
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), true), FlowFixtures.provision(false),
                false, s -> s.chip().programOtp(ecc));
        assertRefused(r, "OTP holds other data than the expected keystore", "write-once");
    }

    @Test
    void aKeystoreWithLintErrorsIsRefused() throws Exception {
        Keystore lms = FlowFixtures.keystore();
        KeystoreSlot k0 = lms.slots().get(0);
        Keystore duplicated = new Keystore(List.of(k0, new KeystoreSlot(1, k0.keyType(), 0x0E, k0.pubkeySize(),
                k0.pubkey(), "test")), "two slots, one key");
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), true),
                FlowFixtures.provision(duplicated, OtpImage.build(duplicated), false), false, s -> { });
        assertRefused(r, "keystore lint", "same key as slot 0");
    }

    @Test
    void aProductStateOtherThanOpenIsRefused() throws Exception {
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), true), FlowFixtures.provision(false), false,
                s -> {
                    // OPTSR_PRG.PRODUCT_STATE := PROVISIONING (0x17), committed through the non-secure registers
                    s.openocd().call("bootrig_option_write", 0, "0x054", "0x1700", "0xFF00");
                    s.openocd().call("bootrig_option_commit", 0);
                    s.chip().reset(io.bootrig.rig.stm32h5.ResetMode.HALT);
                });
        assertRefused(r, "product state is PROVISIONING, expected OPEN");
    }

    @Test
    void aWrongDeviceIsRefused() throws Exception {
        VirtualBoardProcess.start("guard", boardDir(), List.of("--device-id", "0x450"));
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), true), FlowFixtures.provision(false),
                false, s -> { });
        assertRefused(r, "device id is 0x450, expected 0x484");
    }

    @Test
    void aDryRunListsEveryWriteAndWritesNothing() throws Exception {
        FlowReport r = provision(FlowFixtures.virtualBoard("guard", boardDir(), true), FlowFixtures.provision(false), true,
                s -> { });
        assertThat(r.passed()).isTrue();
        assertThat(r.steps()).filteredOn(s -> s.status() == StepStatus.PLANNED).extracting(StepResult::name)
                .containsExactly("option-bytes", "erase-for-primer", "flash-primer", "run-primer", "mass-erase",
                        "flash-wolfboot", "flash-application", "boot");
        List<String> writes = r.steps().stream().flatMap(s -> s.writes().stream()).toList();
        // a fresh H5 has every sector of both banks inside SECWM: bank 2 already has what the config needs
        assertThat(writes).contains("option bytes: TZEN 0xC3 -> 0xB4", "option bytes: SECWM1 0x00..0x7F -> 0x00..0x2F")
                .noneMatch(w -> w.contains("SECWM2"));
        assertThat(writes).anyMatch(w -> w.matches("program otp-primer-lms\\.bin \\(\\d+ bytes\\) at 0x0C000000"));
        assertThat(writes).anyMatch(w -> w.matches("program image_v1_signed\\.bin \\(\\d+ bytes\\) at 0x08060000"));
    }

    interface Setup {
        void on(BoardSession s) throws Exception;
    }

    /** Runs provisioning after {@code setup}; asserts the board's stored state did not change during the flow. */
    private FlowReport provision(BoardSpec board, ProvisionInputs inputs, boolean dryRun, Setup setup) throws Exception {
        try (Transcript t = Transcript.to(); BoardSession s = BoardSession.open(FlowFixtures.home(), board, t)) {
            setup.on(s);
            Map<String, byte[]> before = snapshot(boardDir().resolve("flash"));
            FlowReport r = new FlowRunner().run(ProvisionFlow.NAME, board.name(), new ProvisionFlow(s, inputs).steps(),
                    dryRun, FlowListener.NONE, Map.of());
            Map<String, byte[]> after = snapshot(boardDir().resolve("flash"));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            before.forEach((file, bytes) -> assertThat(after.get(file)).as(file + " after the flow").isEqualTo(bytes));
            return r;
        }
    }

    private static void assertRefused(FlowReport r, String... phrases) {
        StepResult failed = r.failedStep().orElseThrow(() -> new AssertionError("the flow passed"));
        assertThat(failed.name()).isEqualTo("preflight");
        assertThat(failed.failure()).contains(FailureKind.REFUSED);
        assertThat(failed.summary()).contains(phrases).endsWith("nothing was written");
        assertThat(r.steps()).filteredOn(s -> s.status() != StepStatus.NOT_RUN).hasSize(1);
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
