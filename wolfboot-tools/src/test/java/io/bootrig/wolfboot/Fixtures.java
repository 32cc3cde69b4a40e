package io.bootrig.wolfboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's fixtures/ directory from a test, whichever module runs it. */
public final class Fixtures {
    private Fixtures() {}

    public static Path root() {
        String prop = System.getProperty("bootrig.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "fixtures"))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with fixtures/ and pom.xml)");
    }

    /** A file under fixtures/wolfboot/. */
    public static Path wolfboot(String relative) {
        return root().resolve("fixtures/wolfboot").resolve(relative);
    }

    public static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] wolfbootBytes(String relative) {
        return read(wolfboot(relative));
    }
}
