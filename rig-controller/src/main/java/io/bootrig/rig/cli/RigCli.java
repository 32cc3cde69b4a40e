package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rig} command line: nouns then verbs, exit codes per {@link ExitCode}. */
@Command(name = "rig", mixinStandardHelpOptions = true, versionProvider = RigCli.Version.class,
        description = "bootrig: drive wolfBoot-protected STM32H5 boards (or the virtual board) and check wolfBoot artefacts.",
        subcommands = {ImageCommand.class, KeystoreCommand.class, ConfigCommand.class, XmodemCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success / accepted", "1:a check failed / rejected", "2:bad usage or bad input",
                "3:infrastructure failure (board, OpenOCD, port)"})
public final class RigCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'rig image inspect FILE'");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new RigCli());
        // keygen's options act in order and repeat (-g a --id 1 -g b): each occurrence calls its setter
        cl.getSubcommands().get("keystore").getSubcommands().get("keygen").setOverwrittenOptionsAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof RigException r) {
                err.println("rig: " + r.getMessage());
                return r.exitCode();
            }
            if (ex instanceof FormatException f) {
                err.println("rig: " + f.getMessage());
                return ExitCode.BAD_INPUT;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("rig: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RigCli.class.getPackage().getImplementationVersion();
            return new String[] {"rig " + (v == null ? "(development build)" : v)};
        }
    }
}
