package io.bootrig.board.debug;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the bootrig checkout the tests need. */
final class ProjectFiles {
    private static final Path CONFIGS = Path.of("board-configs", "openocd");

    private ProjectFiles() {
    }

    /** board-configs/openocd, found from the bootrig.root property or by walking up from the working directory. */
    static Path openOcdConfigs() {
        String root = System.getProperty("bootrig.root");
        if (root != null && Files.isDirectory(Path.of(root).resolve(CONFIGS))) {
            return Path.of(root).resolve(CONFIGS).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CONFIGS))) {
                return dir.resolve(CONFIGS);
            }
        }
        return fail("board-configs/openocd not found above " + Path.of("").toAbsolutePath());
    }
}
