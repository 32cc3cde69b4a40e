package io.bootrig.rig.cli;

import picocli.CommandLine.Command;

/** {@code rig xmodem ...}: XMODEM transfers over a serial port. */
@Command(name = "xmodem", mixinStandardHelpOptions = true,
        description = "Send or receive a file with XMODEM over a serial port (115200 8N1).",
        subcommands = {XmodemSendCommand.class, XmodemRecvCommand.class})
final class XmodemCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a verb: send or recv");
    }
}
