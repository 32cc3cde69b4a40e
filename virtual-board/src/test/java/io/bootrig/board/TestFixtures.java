package io.bootrig.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the bootrig checkout the board tests use. */
public final class TestFixtures {
    private static final Path MARKER = Path.of("fixtures", "wolfboot");

    private TestFixtures() {
    }

    /** The checkout: the bootrig.root property (set by the build), else found above the working directory. */
    public static Path root() {
        String root = System.getProperty("bootrig.root");
        if (root != null && Files.isDirectory(Path.of(root).resolve(MARKER))) {
            return Path.of(root).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(MARKER))) {
                return dir;
            }
        }
        throw new IllegalStateException("no fixtures/wolfboot above " + Path.of("").toAbsolutePath());
    }

    /** fixtures/virtual-board/NAME */
    public static Path virtualBoard(String name) {
        return root().resolve("fixtures").resolve("virtual-board").resolve(name);
    }

    /** fixtures/wolfboot/lms/NAME */
    public static Path lmsVector(String name) {
        return root().resolve("fixtures").resolve("wolfboot").resolve("lms").resolve(name);
    }

    /** board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config */
    public static Path lmsConfig() {
        return root().resolve("board-configs").resolve("wolfboot").resolve("stm32h5-tz-dualbank-otp-lms.config");
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
