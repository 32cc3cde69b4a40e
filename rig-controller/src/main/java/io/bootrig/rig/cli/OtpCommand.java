package io.bootrig.rig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "otp", mixinStandardHelpOptions = true, description = "Read and check a board's OTP keystore area (2 KB at 0x08FFF000).",
        subcommands = {OtpReadCommand.class, OtpVerifyCommand.class, CommandLine.HelpCommand.class})
final class OtpCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb: read or verify");
    }
}
