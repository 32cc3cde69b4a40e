package io.bootrig.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, one process tree per page: {@code --dump-dom} or {@code --screenshot}. Every run gets
 * a new directory under {@code work} for its profile and config, so that every process it starts (zygote, renderers, the
 * detached crash handler) names that directory in its arguments and is found and ended afterwards.
 */
final class HeadlessChromium {
    static final String INSTALL = "apt-get install -y chromium";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // the report's page asks googletagmanager.com for analytics: nothing but loopback is looked up
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");

    private final Path executable;
    private final Path work;
    private final Duration timeout;
    private final Duration virtualTime;

    private HeadlessChromium(Path executable, Path work, Duration timeout, Duration virtualTime) {
        this.executable = executable;
        this.work = work.toAbsolutePath();
        this.timeout = timeout;
        this.virtualTime = virtualTime;
    }

    /**
     * {@code -Dbootrig.chromium=PATH} if given, else chromium from PATH or /usr/bin/chromium (Debian's package); empty
     * when that is not an executable.
     */
    static Optional<HeadlessChromium> find(Path work, Duration timeout, Duration virtualTime) {
        String given = System.getProperty("bootrig.chromium", "");
        Stream<Path> candidates = !given.isBlank() ? Stream.of(Path.of(given))
                : Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(d -> !d.isEmpty()).map(d -> Path.of(d, "chromium")), Stream.of(Path.of("/usr/bin/chromium")));
        return candidates.filter(Files::isExecutable).findFirst()
                .map(exe -> new HeadlessChromium(exe, work, timeout, virtualTime));
    }

    /** The page's DOM once its scripts had {@code virtualTime} to run (network loads pause virtual time). */
    String dumpDom(URI page) throws IOException, InterruptedException {
        return run("dump-dom", List.of("--virtual-time-budget=" + virtualTime.toMillis(), "--dump-dom", page.toString()));
    }

    void screenshot(URI page, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run("screenshot", List.of("--virtual-time-budget=" + virtualTime.toMillis(),
                "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, page.toString()));
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("Chromium wrote no screenshot to " + png);
        }
    }

    private List<String> commandLine(Path dir, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable.toString());
        cmd.addAll(FLAGS);
        cmd.add("--user-data-dir=" + dir.resolve("profile"));
        cmd.addAll(args);
        return cmd;
    }

    /** Runs Chromium to completion and returns its stdout; its stderr goes to {@code <work>/<run>/chromium.log}. */
    private String run(String what, List<String> args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(work), what + "-");
        String name = dir.getFileName().toString();
        List<String> cmd = commandLine(dir, args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // Chromium's crash handler keeps its database under $XDG_CONFIG_HOME, not in the profile
        pb.environment().put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Process p = pb.start();
        CompletableFuture<byte[]> out = drain(p.getInputStream(), name + "-stdout");
        CompletableFuture<byte[]> err = drain(p.getErrorStream(), name + "-stderr");
        boolean exited;
        try {
            exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            endTree(p, dir);
        }
        String stdout = text(out);
        String stderr = text(err);
        Files.writeString(dir.resolve("chromium.log"), String.join(" ", cmd) + "\n\n" + stderr, StandardCharsets.UTF_8);
        if (!exited) {
            throw new AssertionError("Chromium did not finish " + what + " within " + timeout.toSeconds() + " s: "
                    + String.join(" ", cmd) + "\n" + tail(stderr));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("Chromium " + what + " exited " + p.exitValue() + ": " + String.join(" ", cmd)
                    + "\n" + tail(stderr));
        }
        return stdout;
    }

    private static CompletableFuture<byte[]> drain(InputStream in, String name) {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                in.transferTo(buf);
                f.complete(buf.toByteArray());
            } catch (IOException e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static String text(CompletableFuture<byte[]> f) throws InterruptedException {
        try {
            return new String(f.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("reading Chromium's output", e.getCause()));
        } catch (TimeoutException e) {
            throw new AssertionError("Chromium's output pipe stayed open after its processes were ended");
        }
    }

    /** Ends the browser, its children and anything else that names this run's directory, SIGKILL if SIGTERM won't do. */
    private static void endTree(Process p, Path dir) throws InterruptedException {
        String marker = dir.toString();
        Set<ProcessHandle> tree = new LinkedHashSet<>(p.descendants().toList());
        tree.add(p.toHandle());
        ProcessHandle.allProcesses()
                .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .forEach(tree::add);
        tree.removeIf(h -> !h.isAlive());
        tree.forEach(ProcessHandle::destroy);
        if (!allExited(tree, Duration.ofSeconds(3))) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            allExited(tree, Duration.ofSeconds(3));
        }
    }

    private static boolean allExited(Set<ProcessHandle> tree, Duration within) throws InterruptedException {
        CompletableFuture<?>[] exits = tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
