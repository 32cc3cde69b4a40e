package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.stm32h5.Stm32h5;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rig flash}: program a file at an address, read back and compare. */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Program FILE into flash at --address (0x08... non-secure, 0x0C... through the secure registers), "
                + "then read it back and compare. The flash must be erased first: give --erase to erase the sectors it "
                + "covers, or run 'rig erase --mass'.",
                "Exit 0 = programmed and verified, 2 = bad input, 3 = the board or the flash controller refused."})
final class FlashCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Parameters(paramLabel = "FILE", description = "binary to program")
    Path file;

    @Option(names = "--address", required = true, paramLabel = "ADDR", description = "flash address, e.g. 0x08060000")
    String address;

    @Option(names = "--erase", description = "erase the sectors FILE covers first")
    boolean erase;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        long addr = Inputs.number("--address", address);
        long size = Inputs.read(file).length;
        boolean secure = addr >= Stm32h5.FLASH_S && addr < Stm32h5.FLASH_S + Stm32h5.FLASH_SIZE;
        long offset = addr - (secure ? Stm32h5.FLASH_S : Stm32h5.FLASH_NS);
        if (offset < 0 || offset + size > Stm32h5.FLASH_SIZE || addr % 16 != 0) {
            throw RigException.badInput(String.format("--address 0x%08X: %d bytes must fit the 2 MB flash at 0x08000000 "
                    + "or 0x0C000000, 16-byte aligned", addr, size));
        }
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        var out = spec.commandLine().getOut();
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "flash", spec.commandLine().getErr())) {
            Stm32h5 chip = access.session().chip();
            String name = access.board().name();
            if (erase) {
                int sectors = TargetCall.run(name, () -> chip.erase(addr, size));
                out.printf("erased %d sector(s)%n", sectors);
            }
            TargetCall.run(name, () -> {
                chip.program(file, addr, (op, done, total) -> { });
                return null;
            });
            out.printf("%s: %s (%d bytes) programmed at 0x%08X and verified%n", name, file, size, addr);
            return ExitCode.OK;
        }
    }
}
