package io.bootrig.rig.power;

import io.bootrig.rig.openocd.ProcessTree;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An external power switch such as uhubctl: the board's argument list with {@code {action}} replaced by off, on or
 * cycle, run directly (no shell) and bounded by a timeout, after which it is killed with its children.
 */
public final class CommandPowerSwitch implements PowerSwitch {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    private static final int KEPT_LINES = 10;

    private final String board;
    private final List<String> template;
    private final Duration timeout;

    public CommandPowerSwitch(String board, List<String> template, Duration timeout) {
        if (template.isEmpty()) {
            throw new IllegalArgumentException("board " + board + ": the power command is empty");
        }
        this.board = board;
        this.template = List.copyOf(template);
        this.timeout = timeout;
    }

    @Override
    public void off() {
        run(PowerAction.OFF);
    }

    @Override
    public void on() {
        run(PowerAction.ON);
    }

    @Override
    public void cycle() {
        run(PowerAction.CYCLE);
    }

    @Override
    public String describe() {
        return "command " + String.join(" ", template);
    }

    private void run(PowerAction action) {
        List<String> command = template.stream().map(a -> a.replace("{action}", action.word())).toList();
        String what = "board " + board + ": power " + action.word() + " command '" + String.join(" ", command) + "'";
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new PowerException(what + " cannot start: " + e.getMessage(), e);
        }
        ProcessTree.killOnExit(p);
        Deque<String> tail = new ArrayDeque<>();
        Thread drain = new Thread(() -> keepTail(p, tail), "power-command-output");
        drain.setDaemon(true);
        drain.start();
        boolean finished;
        try {
            finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            ProcessTree.kill(p, Duration.ofSeconds(2));
            Thread.currentThread().interrupt();
            throw new PowerException(what + " interrupted; killed it", e);
        }
        if (!finished) {
            ProcessTree.kill(p, Duration.ofSeconds(2));
            throw new PowerException(what + " did not finish within " + timeout.toMillis() + " ms; killed it"
                    + lastOutput(drain, tail));
        }
        if (p.exitValue() != 0) {
            throw new PowerException(what + " failed with exit code " + p.exitValue() + lastOutput(drain, tail));
        }
    }

    private static void keepTail(Process p, Deque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > KEPT_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    private static String lastOutput(Thread drain, Deque<String> tail) {
        try {
            drain.join(1000); // a child that kept the pipe open must not hold us
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (tail) {
            return tail.isEmpty() ? "; no output" : "; last output: " + String.join(" | ", tail);
        }
    }
}
