package io.bootrig.rig.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "options", mixinStandardHelpOptions = true, description = "Show or set a board's option bytes (TrustZone, bank swap, secure watermarks).",
        subcommands = {OptionsShowCommand.class, OptionsSetCommand.class, CommandLine.HelpCommand.class})
final class OptionsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a verb: show or set");
    }
}
