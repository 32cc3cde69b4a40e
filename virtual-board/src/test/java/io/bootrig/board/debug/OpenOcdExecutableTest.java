package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class OpenOcdExecutableTest {
    @Test
    void missingOpenOcdFailsWithTheInstallHint(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> OpenOcd.locate(emptyDir.resolve("openocd"), emptyDir.toString()))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("install it: apt-get install -y openocd");
    }

    @Test
    void findsOpenOcdOnThePath(@TempDir Path dir) throws Exception {
        Path fake = Files.createFile(dir.resolve("openocd"));
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        assertThat(OpenOcd.locate(dir.resolve("missing"), "/nonexistent:" + dir)).isEqualTo(fake);
    }

    @Test
    void openOcdIsInstalled() {
        assertThat(Files.isExecutable(OpenOcd.executable())).isTrue();
    }
}
