package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.lease.LeaseException;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.power.PowerException;
import io.bootrig.wolfboot.FormatException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rig} command line: nouns then verbs, exit codes per {@link ExitCode}. */
@Command(name = "rig", mixinStandardHelpOptions = true, versionProvider = RigCli.Version.class,
        description = "bootrig: drive wolfBoot-protected STM32H5 boards (or the virtual board) and check wolfBoot artefacts.",
        subcommands = {DemoCommand.class, ProvisionCommand.class, UpdateCommand.class, HealthCommand.class,
                QualifyCommand.class, OtpCommand.class, FlashCommand.class, EraseCommand.class, OptionsCommand.class,
                BoardsCommand.class, SoakCommand.class, BenchCommand.class, ConsoleCommand.class,
                ImageCommand.class, KeystoreCommand.class, ConfigCommand.class, XmodemCommand.class, SimCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success / accepted", "1:a check failed / rejected", "2:bad usage or bad input",
                "3:infrastructure failure (board, OpenOCD, port)"})
public final class RigCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final InputStream stdin;
    private final OutputStream stdout;
    private final boolean interactive;
    private final Supplier<RigHome> home;
    private RigHome resolvedHome;

    private RigCli(InputStream stdin, OutputStream stdout, boolean interactive, Supplier<RigHome> home) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.interactive = interactive;
        this.home = home;
    }

    /** The installation and the environment (inventory, leases, state); looked up on first use. */
    /** The root command of {@code spec}'s command line, for subcommands nested deeper than one level. */
    static RigCli of(CommandLine.Model.CommandSpec spec) {
        return (RigCli) spec.root().userObject();
    }

    RigHome home() {
        if (resolvedHome == null) {
            resolvedHome = home.get();
        }
        return resolvedHome;
    }

    /** Raw standard input, for commands that pass bytes through (rig console). */
    InputStream stdin() {
        return stdin;
    }

    /** Raw standard output, for commands that pass bytes through. */
    OutputStream stdout() {
        return stdout;
    }

    /** Standard input and output are the process's own and a terminal. */
    boolean interactive() {
        return interactive;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'rig image inspect FILE'");
    }

    public static void main(String[] args) {
        System.exit(run(new RigCli(System.in, System.out, System.console() != null, RigHome::current), args,
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(new RigCli(System.in, new WriterOutputStream(out), false, RigHome::current), args, out, err);
    }

    /** Runs one command line against the given installation and environment (tests). */
    public static int run(String[] args, RigHome home, PrintWriter out, PrintWriter err) {
        return run(new RigCli(System.in, new WriterOutputStream(out), false, () -> home), args, out, err);
    }

    /** As {@link #run(String[], RigHome, PrintWriter, PrintWriter)}, with the given standard input. */
    public static int run(String[] args, RigHome home, InputStream in, PrintWriter out, PrintWriter err) {
        return run(new RigCli(in, new WriterOutputStream(out), false, () -> home), args, out, err);
    }

    /** Runs one command line with the given standard input and raw output (bytes as ISO-8859-1 chars in {@code out}). */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return run(new RigCli(in, new WriterOutputStream(out), false, RigHome::current), args, out, err);
    }

    private static int run(RigCli rig, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(rig);
        // keygen's options act in order and repeat (-g a --id 1 -g b): each occurrence calls its setter
        cl.getSubcommands().get("keystore").getSubcommands().get("keygen").setOverwrittenOptionsAllowed(true);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof RigException r) {
                err.println("rig: " + r.getMessage());
                return r.exitCode();
            }
            if (ex instanceof LinkLostException || ex instanceof LinkUnavailableException || ex instanceof LeaseException
                    || ex instanceof PowerException) {
                err.println("rig: " + ex.getMessage());
                return ExitCode.INFRASTRUCTURE;
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

    /** Bytes written as ISO-8859-1 chars to a writer (tests capture the console's raw output this way). */
    private static final class WriterOutputStream extends OutputStream {
        private final PrintWriter out;

        WriterOutputStream(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(int b) {
            out.write(b & 0xFF);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            out.write(new String(b, off, len, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void flush() {
            out.flush();
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RigCli.class.getPackage().getImplementationVersion();
            return new String[] {"rig " + (v == null ? "(development build)" : v)};
        }
    }
}
