package io.bootrig.rig.stm32h5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Prints flashing and option-byte figures on a virtual board through the real OpenOCD; run with
 * {@code mvn -B verify -Pbench}. Asserts nothing about time.
 */
class Stm32h5Benchmark {
    @org.junit.jupiter.api.Test
    void flashingAndOptionBytes() throws Exception {
        Path work = Files.createTempDirectory("bench");
        try (VirtualTarget t = VirtualTarget.start(work)) {
            t.chip.reset(ResetMode.HALT);
            System.out.printf("OpenOCD %s, virtual board over remote_bitbang (JTAG)%n", t.ocd.version());
            System.out.printf("%-32s %10s %10s%n", "operation", "ms", "KB/s");
            for (int kb : new int[] {100, 512}) {
                byte[] data = new byte[kb * 1024];
                new Random(kb).nextBytes(data);
                Path f = Files.write(work.resolve(kb + "k.bin"), data);
                t.chip.massErase();
                long t0 = System.nanoTime();
                t.chip.program(f, 0x08000000L, ProgressListener.NONE);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("%-32s %10d %10.1f%n", "program+verify " + kb + " KB", ms, kb * 1000.0 / ms);
                t0 = System.nanoTime();
                t.chip.dump(0x08000000L, kb * 1024);
                ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("%-32s %10d %10.1f%n", "  of which read-back " + kb + " KB", ms, kb * 1000.0 / ms);
            }
            long t0 = System.nanoTime();
            t.chip.programOptionBytes(DesiredOptions.none().withSwapBank(true));
            System.out.printf("%-32s %10d%n", "option-byte cycle (SWAP_BANK)", (System.nanoTime() - t0) / 1_000_000);
            t0 = System.nanoTime();
            t.chip.massErase();
            System.out.printf("%-32s %10d%n", "mass erase", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
