package io.bootrig.rig.openocd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running OpenOCD: started from an argument list with its output read continuously into the
 * log, ready once its TCL server listens, stopped with its whole process tree.
 */
final class OpenOcdProcess {
    private static final Pattern VERSION = Pattern.compile("Open On-Chip Debugger (\\S+)");

    private final Process process;
    private final int tclPort;

    private OpenOcdProcess(Process process, int tclPort) {
        this.process = process;
        this.tclPort = tclPort;
    }

    /** {@code openocd --version}'s version, e.g. "0.12.0". */
    static String version(String executable) throws OpenOcdException {
        Process p = launch(List.of(executable, "--version"), executable);
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new OpenOcdException("'" + executable + " --version' did not finish within 10 s");
            }
            Matcher m = VERSION.matcher(out);
            if (!m.find()) {
                throw new OpenOcdException("'" + executable + " --version' did not print an OpenOCD version: " + out.strip());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new OpenOcdException("cannot read '" + executable + " --version': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenOcdException("interrupted while asking OpenOCD for its version", e);
        } finally {
            ProcessTree.kill(p, Duration.ofSeconds(1));
        }
    }

    static OpenOcdProcess start(OpenOcdSettings settings, OpenOcdLog log) throws OpenOcdException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            int mark = log.mark();
            Process p = launch(settings.arguments(port), settings.executable());
            ProcessTree.killOnExit(p);
            Thread pump = new Thread(() -> pump(p, log), "openocd-log-" + p.pid());
            pump.setDaemon(true);
            pump.start();
            OpenOcdProcess ocd = new OpenOcdProcess(p, port);
            String listening = "Listening on port " + port + " for tcl connections";
            long deadline = System.nanoTime() + settings.readyTimeout().toNanos();
            try {
                while (!log.awaitLine(mark, listening, Math.min(deadline, System.nanoTime() + 50_000_000L))) {
                    if (!p.isAlive()) {
                        pump.join(1000);
                        boolean portTaken = log.since(mark).stream().anyMatch(l -> l.text().contains("couldn't bind"));
                        if (portTaken && attempt < 3) {
                            break;
                        }
                        throw new OpenOcdException("OpenOCD exited with code " + p.exitValue() + " while starting ("
                                + String.join(" ", settings.arguments(port)) + "); its last lines:\n" + log.tail(15));
                    }
                    if (System.nanoTime() >= deadline) {
                        ocd.stop();
                        throw new OpenOcdException("OpenOCD did not open its TCL port " + port + " within "
                                + settings.readyTimeout().toSeconds() + " s; its last lines:\n" + log.tail(15));
                    }
                }
            } catch (InterruptedException e) {
                ocd.stop();
                Thread.currentThread().interrupt();
                throw new OpenOcdException("interrupted while OpenOCD was starting", e);
            }
            if (p.isAlive()) {
                return ocd;
            }
        }
    }

    private static Process launch(List<String> args, String executable) throws OpenOcdException {
        try {
            return new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new OpenOcdException("cannot run '" + executable + "' (" + e.getMessage()
                    + "); install it: apt-get install -y openocd, or give its path", e);
        }
    }

    private static void pump(Process p, OpenOcdLog log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                log.append(line);
            }
        } catch (IOException ignored) {
            // the process is gone; its exit is noticed by whoever waits on it
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    int tclPort() {
        return tclPort;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or -1 while running. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    void stop() {
        ProcessTree.kill(process, Duration.ofSeconds(2));
    }
}
