package io.bootrig.wolfboot;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every {@code *FuzzTest} class of a module's tests, as one fuzz target for the short run: the first
 * input byte picks the target (modulo their number), the rest is its input. Seeds are every target's
 * committed inputs (its {@code <Class>Inputs/<method>/} resource directory), each prefixed with the
 * target's byte. A failing input is saved without its first byte under {@code fuzz.findings}, ready
 * to be copied into the target's inputs directory. rig-controller uses it too, from this module's test jar;
 * {@link #discover} finds the targets of the module its anchor class belongs to.
 */
public final class FuzzTargets {
    private record Target(Class<?> type, Method method, Object instance) {
        String name() {
            return type.getSimpleName() + "#" + method.getName();
        }

        String inputsDirectory() {
            return "src/test/resources/" + type.getPackageName().replace('.', '/') + "/" + type.getSimpleName()
                    + "Inputs/" + method.getName() + "/";
        }
    }

    private final List<Target> targets;

    private FuzzTargets(List<Target> targets) {
        this.targets = targets;
    }

    /** The fuzz tests compiled next to {@code anchor} (the test-classes directory), sorted by class name. */
    public static FuzzTargets discover(Class<?> anchor) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> names;
        try (Stream<Path> files = Files.walk(root)) {
            names = files.map(p -> root.relativize(p).toString())
                    .filter(f -> f.endsWith("FuzzTest.class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Target> targets = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, true, anchor.getClassLoader());
                Constructor<?> ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                Object instance = ctor.newInstance();
                for (Method m : type.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(FuzzTest.class)
                            && Arrays.equals(m.getParameterTypes(), new Class<?>[] {byte[].class})) {
                        m.setAccessible(true);
                        targets.add(new Target(type, m, instance));
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot set up fuzz test " + name, e);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException("no *FuzzTest classes with a @FuzzTest(byte[]) method under " + root);
        }
        targets.sort((a, b) -> a.name().compareTo(b.name()));
        return new FuzzTargets(List.copyOf(targets));
    }

    /**
     * Deletes the corpus an earlier short run grew under {@code jazzer.internal.basedir} (set only by the fuzz-smoke
     * execution), so that every short run starts from the committed inputs alone and, with its fixed seed and number
     * of executions, does the same work each time.
     */
    public static void forgetEarlierRuns() {
        String base = System.getProperty("jazzer.internal.basedir");
        if (base == null) {
            return;
        }
        Path corpus = Path.of(base, ".cifuzz-corpus");
        if (!Files.isDirectory(corpus)) {
            return;
        }
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + corpus, e);
        }
    }

    public List<String> names() {
        return targets.stream().map(Target::name).toList();
    }

    /** Every target's committed inputs, each prefixed with the byte that selects the target, named after both. */
    public Stream<Arguments> seeds() {
        List<Arguments> seeds = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            URL dir = t.type().getResource(t.type().getSimpleName() + "Inputs/" + t.method().getName());
            if (dir == null) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] input = Files.readAllBytes(f);
                    byte[] seed = new byte[input.length + 1];
                    seed[0] = (byte) i;
                    System.arraycopy(input, 0, seed, 1, input.length);
                    seeds.add(Arguments.of(Named.of(t.name() + " " + f.getFileName(), seed)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return seeds.stream();
    }

    /** Runs the target the first byte picks on the rest of {@code data}. */
    public void run(byte[] data) {
        if (data.length == 0) {
            return;
        }
        Target t = targets.get((data[0] & 0xFF) % targets.size());
        byte[] input = Arrays.copyOfRange(data, 1, data.length);
        try {
            t.method().invoke(t.instance(), (Object) input);
        } catch (InvocationTargetException e) {
            throw new AssertionError(t.name() + " fails on this input" + save(t, input) + ": " + e.getCause(),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String save(Target t, byte[] input) {
        String dir = System.getProperty("fuzz.findings");
        if (dir == null) {
            return "";
        }
        try {
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(input));
            Path file = Path.of(dir, t.type().getSimpleName() + "Inputs", t.method().getName(), "crash-" + sha1);
            Files.createDirectories(file.getParent());
            Files.write(file, input);
            return " (saved as " + file + "; copy it to " + t.inputsDirectory() + " to replay it in every build)";
        } catch (IOException | NoSuchAlgorithmException e) {
            return " (could not save it: " + e + ")";
        }
    }
}
