package io.bootrig.rig.cli;

import picocli.CommandLine.Command;

/** {@code rig image ...}: wolfBoot signed images. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Inspect, verify and sign wolfBoot images.",
        subcommands = {ImageInspectCommand.class, ImageVerifyCommand.class, ImageSignCommand.class})
final class ImageCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a verb: inspect, verify or sign");
    }
}
