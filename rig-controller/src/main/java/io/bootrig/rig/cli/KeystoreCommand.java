package io.bootrig.rig.cli;

import picocli.CommandLine.Command;

/** {@code rig keystore ...}: wolfBoot keystores and the STM32H5 OTP image. */
@Command(name = "keystore", mixinStandardHelpOptions = true,
        description = "Inspect, lint and generate wolfBoot keystores; build the STM32H5 OTP image.",
        subcommands = {KeystoreInspectCommand.class, KeystoreLintCommand.class, KeystoreKeygenCommand.class,
                KeystoreOtpImageCommand.class})
final class KeystoreCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a verb: inspect, lint, keygen or otp-image");
    }
}
