package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.stm32h5.ResetMode;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rig erase --mass}: both banks erased; OTP and option bytes stay. */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = {"Mass erase both flash banks (the OTP and the option bytes stay). With TrustZone on, every sector "
                + "is made secure for the erase and restored afterwards.",
                "Exit 0 = erased, 2 = bad usage, 3 = the board or the flash controller refused."})
final class EraseCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--mass", required = true, description = "erase both banks (the only erase this command does)")
    boolean mass;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "erase", spec.commandLine().getErr())) {
            TargetCall.run(access.board().name(), () -> {
                access.session().chip().reset(ResetMode.HALT);
                access.session().chip().massErase();
                return null;
            });
            spec.commandLine().getOut().println(access.board().name() + ": flash mass erased (OTP and option bytes kept)");
            return ExitCode.OK;
        }
    }
}
