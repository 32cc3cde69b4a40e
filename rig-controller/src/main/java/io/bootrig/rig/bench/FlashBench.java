package io.bootrig.rig.bench;

import io.bootrig.rig.openocd.OpenOcd;
import io.bootrig.rig.stm32h5.ProgressListener;
import io.bootrig.rig.stm32h5.ResetMode;
import io.bootrig.rig.stm32h5.Stm32h5;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

/**
 * Flashing 512 KB into the virtual board through OpenOCD: the rig's path (64 KB windows, flags checked after each,
 * SHA-256 read-back) against OpenOCD's own load_image of the whole file in one go with no read-back, and load_image
 * into SRAM, which needs no flash controller at all (the debug transport's ceiling).
 */
public final class FlashBench {
    private static final int SIZE = 512 * 1024;

    private FlashBench() {}

    public static void run(BenchTable table, BenchBoard board, Path dir) throws Exception {
        Stm32h5 chip = board.session.chip();
        OpenOcd ocd = board.session.openocd();
        byte[] data = new byte[SIZE];
        new Random(512).nextBytes(data);
        Path file = Files.write(dir.resolve("512k.bin"), data);
        chip.reset(ResetMode.HALT);

        chip.massErase();
        long t0 = System.nanoTime();
        chip.program(file, Stm32h5.FLASH_NS, ProgressListener.NONE);
        double ours = kbPerSecond(System.nanoTime() - t0);

        chip.massErase();
        t0 = System.nanoTime();
        ocd.call(Duration.ofMinutes(5), "bootrig_program", file.toString(), "0x08000000", 0, SIZE);
        double loadImage = kbPerSecond(System.nanoTime() - t0);

        Path half = Files.write(dir.resolve("256k.bin"), java.util.Arrays.copyOf(data, 256 * 1024));
        t0 = System.nanoTime();
        ocd.call(Duration.ofMinutes(5), "load_image", half.toString(), "0x20000000", "bin");
        double sram = (256 * 1024 / 1024.0) / ((System.nanoTime() - t0) / 1e9);

        table.add("flash", "program 512 KB and verify (rig: windows, flag checks, read-back)",
                String.format("%.1f KB/s", ours), String.format("%.1f KB/s", loadImage),
                String.format("%.2f x OpenOCD load_image", ours / loadImage),
                "JTAG over remote_bitbang: one TCP round trip per scan; the read-back doubles the traffic");
        table.add("flash", "OpenOCD load_image into SRAM (256 KB, no flash controller)", "", String.format("%.1f KB/s", sram),
                "", "the debug transport's ceiling on this machine");
        chip.massErase();
    }

    private static double kbPerSecond(long nanos) {
        return (SIZE / 1024.0) / (nanos / 1e9);
    }
}
