package io.bootrig.rig.cli;

import picocli.CommandLine.Command;

/** {@code rig config ...}: wolfBoot .config files. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Read wolfBoot .config files.",
        subcommands = {ConfigShowCommand.class})
final class ConfigCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a verb: show");
    }
}
