package io.bootrig.rig.stm32h5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.rig.openocd.OpenOcdException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stm32h5OperationsTest {
    @TempDir
    Path tmp;

    private Path file(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return Files.write(tmp.resolve(name), b);
    }

    @Test
    void identityOfAFreshBoard() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            Identity id = t.chip.identity();
            assertThat(id.deviceId()).isEqualTo(Identity.STM32H56X);
            assertThat(id.flashKb()).isEqualTo(2048);
            assertThat(id.uid()).hasSize(24);
            assertThat(id.options().productState()).isEqualTo(ProductState.OPEN);
            assertThat(id.options().trustZone()).isFalse();
            assertThat(id.options().tzen()).isEqualTo(OptionBytes.TZEN_DISABLED);
            assertThat(id.options().swapBank()).isFalse();
            assertThat(id.otpLocks()).isZero();
        }
    }

    @Test
    void programReadBackAndTheControllersErrorByName() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            t.chip.reset(ResetMode.HALT);
            Path img = file("app.bin", 100 * 1024 + 5, 1);
            long[] seen = new long[1];
            long t0 = System.nanoTime();
            t.chip.program(img, 0x08060000L, (op, done, total) -> seen[0] = done);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("program 100 KB through OpenOCD into the virtual board: %d ms (%.1f KB/s)%n", ms,
                    100.0 * 1000 / ms);
            assertThat(seen[0]).isEqualTo(100 * 1024 + 16);
            byte[] back = t.board.soc().readFlash(0x08060000L, 100 * 1024 + 5);
            assertThat(back).isEqualTo(Files.readAllBytes(img));
            assertThatThrownBy(() -> t.chip.program(img, 0x08060000L, ProgressListener.NONE))
                    .isInstanceOf(TargetOperationException.class).hasMessageContaining("STRBERR");
            t.chip.eraseSector(1, 0x30);
            assertThat(t.board.soc().readFlash(0x08060000L, 8192)).containsOnly((byte) 0xFF);
        }
    }

    @Test
    void massEraseKeepsOtp() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            t.chip.reset(ResetMode.HALT);
            byte[] otp = new byte[2048];
            Arrays.fill(otp, (byte) 0xFF);
            byte[] header = "WOLFBOOT".getBytes();
            System.arraycopy(header, 0, otp, 0, header.length);
            assertThat(t.chip.programOtp(otp)).isEqualTo(4);
            t.chip.program(file("a.bin", 4096, 2), 0x08000000L, ProgressListener.NONE);
            t.chip.program(file("b.bin", 4096, 3), 0x08100000L, ProgressListener.NONE);
            t.chip.massErase();
            assertThat(t.board.soc().readFlash(0x08000000L, 4096)).containsOnly((byte) 0xFF);
            assertThat(t.board.soc().readFlash(0x08100000L, 4096)).containsOnly((byte) 0xFF);
            assertThat(t.chip.readOtp()).isEqualTo(otp);
        }
    }

    @Test
    void otpIsWrittenOnceAndConflictsAreRefusedBeforeAnyWrite() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            t.chip.reset(ResetMode.HALT);
            byte[] blank = t.chip.readOtp();
            assertThat(blank).containsOnly((byte) 0xFF);
            byte[] image = blank.clone();
            for (int i = 0; i < 64; i++) {
                image[i] = (byte) i;
            }
            assertThat(t.chip.programOtp(image)).isEqualTo(32);
            assertThat(t.chip.programOtp(image)).as("identical content is not written again").isZero();
            byte[] other = image.clone();
            other[10] = 0x55;
            other[100] = 0x01;
            assertThatThrownBy(() -> t.chip.programOtp(other)).isInstanceOf(TargetOperationException.class)
                    .hasMessageContaining("0x00A holds").hasMessageContaining("nothing was written");
            assertThat(t.chip.readOtp()).isEqualTo(image);
        }
    }

    @Test
    void trustZoneOptionBytesAndSecureProgramming() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            t.chip.reset(ResetMode.HALT);
            long t0 = System.nanoTime();
            var changes = t.chip.programOptionBytes(DesiredOptions.none().withTzen(OptionBytes.TZEN_ENABLED)
                    .withSecwm1(new SecureWatermark(0, 0x2F)).withSecwm2(SecureWatermark.NONE));
            System.out.printf("option bytes TZEN + SECWM1 + SECWM2 (two cycles with reset): %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            assertThat(changes).anyMatch(c -> c.startsWith("TZEN 0xC3 -> 0xB4")).anyMatch(c -> c.startsWith("SECWM1"));
            OptionBytes ob = t.chip.readOptionBytes();
            assertThat(ob.trustZone()).isTrue();
            assertThat(ob.secwm1()).isEqualTo(new SecureWatermark(0, 0x2F));
            assertThat(ob.secwm2().isEmpty()).isTrue();
            assertThat(t.chip.programOptionBytes(DesiredOptions.none().withTzen(OptionBytes.TZEN_ENABLED)
                    .withSecwm1(new SecureWatermark(0, 0x2F)))).as("nothing differs").isEmpty();

            Path boot = file("wolfboot.bin", 8192, 4);
            t.chip.program(boot, 0x0C000000L, ProgressListener.NONE);
            assertThat(t.board.soc().readFlash(0x08000000L, 8192)).isEqualTo(Files.readAllBytes(boot));
            Path app = file("app.bin", 4096, 5);
            t.chip.program(app, 0x08060000L, ProgressListener.NONE);
            assertThatThrownBy(() -> t.chip.program(app, 0x08002000L, ProgressListener.NONE))
                    .isInstanceOf(TargetOperationException.class);
        }
    }

    @Test
    void aSecureWatermarkWithoutTrustZoneIsRefused() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            assertThatThrownBy(() -> t.chip.programOptionBytes(DesiredOptions.none()
                    .withSecwm1(new SecureWatermark(0, 0x1F)))).isInstanceOf(TargetOperationException.class)
                    .hasMessageContaining("TrustZone");
        }
    }

    @Test
    void openOcdKilledMidOperationIsAnInfrastructureFailureAndLeavesNoProcess() throws Exception {
        try (VirtualTarget t = VirtualTarget.start(tmp)) {
            t.chip.reset(ResetMode.HALT);
            Path big = file("big.bin", 512 * 1024, 6);
            long pid = t.ocd.pid();
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException ignored) {
                    return;
                }
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            });
            killer.start();
            assertThatThrownBy(() -> t.chip.program(big, 0x08000000L, ProgressListener.NONE))
                    .isInstanceOf(OpenOcdException.class);
            killer.join();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
    }

    @Test
    void twoBoardsAtOnceUseDifferentPorts() throws Exception {
        try (VirtualTarget a = VirtualTarget.start(tmp.resolve("a")); VirtualTarget b = VirtualTarget.start(tmp.resolve("b"))) {
            assertThat(a.board.debugPort()).isNotEqualTo(b.board.debugPort());
            assertThat(a.ocd.tclPort()).isNotEqualTo(b.ocd.tclPort());
            assertThat(a.chip.identity().uid()).isNotNull();
            assertThat(b.chip.identity().deviceId()).isEqualTo(0x484);
        }
    }
}
