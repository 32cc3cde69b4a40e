package io.bootrig.board;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Programs on the PATH that a test needs; a missing one fails the test with how to install it. */
final class ExternalTools {
    private ExternalTools() {
    }

    static void require(List<String> programs, String install) {
        for (String program : programs) {
            if (!onPath(program)) {
                throw new AssertionError("'" + program + "' is not on the PATH; install it: " + install);
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
