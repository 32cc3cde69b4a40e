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
        err.println("  built:     wolfBoot formats and crypto (rig image, rig keystore, rig config), the virtual board");
        err.println("             (rig sim), the OpenOCD driver and STM32H5 operations, the console and XMODEM");
        err.println("             (rig console, rig xmodem), the board inventory and leases (rig boards)");
        err.println("  not built: the provisioning and update flows the demo runs;");
        err.println("             until they exist there is nothing to demonstrate.");
        return ExitCode.INFRASTRUCTURE;
    }
}
