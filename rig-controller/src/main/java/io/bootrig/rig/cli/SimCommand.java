package io.bootrig.rig.cli;

import picocli.CommandLine.Command;

/** {@code rig sim ...}: virtual boards as background processes. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Start, stop, query, power and fault virtual NUCLEO-H563ZI boards (processes that keep running between "
                + "rig commands).",
        subcommands = {SimStartCommand.class, SimStopCommand.class, SimStatusCommand.class, SimPowerCommand.class,
                SimFaultCommand.class})
final class SimCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a verb: start, stop, status, power or fault");
    }
}
