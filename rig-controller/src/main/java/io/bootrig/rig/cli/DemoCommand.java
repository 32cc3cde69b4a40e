package io.bootrig.rig.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The end-to-end OTP-keystore procedure on the virtual board; says plainly what is not built yet. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole STM32H5 OTP-keystore procedure on a virtual board.")
final class DemoCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        err.println("rig demo: not built yet.");
        err.println("  built:     wolfBoot formats and crypto (rig image ..., rig keystore ..., rig config show)");
        err.println("  not built: the virtual board, the OpenOCD driver, the console/XMODEM link and the provisioning");
        err.println("             and update flows that the demo runs; until they exist there is nothing to demonstrate.");
        return ExitCode.INFRASTRUCTURE;
    }
}
