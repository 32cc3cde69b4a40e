package io.bootrig.rig.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the controlling terminal in raw mode (no line buffering, no local echo: the board echoes) and restores it.
 * Uses stty on /dev/tty.
 */
final class TerminalMode implements AutoCloseable {
    private final String saved;

    private TerminalMode(String saved) {
        this.saved = saved;
    }

    static TerminalMode raw() throws IOException {
        String saved = stty("-g").strip();
        stty("raw", "-echo");
        return new TerminalMode(saved);
    }

    @Override
    public void close() {
        try {
            stty(saved);
        } catch (IOException e) {
            System.err.println("rig: could not restore the terminal (run 'stty sane'): " + e.getMessage());
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("stty did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running stty", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("stty " + String.join(" ", args) + " failed: " + out.strip());
        }
        return out;
    }
}
