package io.bootrig.rig.stm32h5;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No ST-LINK is attached here, so this checks what can be checked without one: stock OpenOCD 0.12.0
 * reads the real-board interface file and the STM32H5 target file together (SWD, stlink-dap, the two
 * access ports, the bootrig procedures) without an error, stopping before it would open the adapter.
 */
class RealBoardConfigTest {
    @Test
    void stockOpenOcdAcceptsTheRealBoardConfiguration() throws Exception {
        Path configs = TestEnvironment.root().resolve("board-configs/openocd");
        Process p = new ProcessBuilder(List.of(TestEnvironment.openocd(), "-c", "set STLINK_SERIAL 0027003F3331510B33323639",
                "-f", configs.resolve("interface/nucleo-h563zi.cfg").toString(),
                "-f", configs.resolve("target/stm32h5.cfg").toString(),
                "-f", configs.resolve("bootrig-stm32h5.tcl").toString(),
                "-c", "echo \"targets: [target names]\"; echo \"transport: [transport select]\"; shutdown"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(out).doesNotContain("Error").contains("targets: stm32h5.ap0 stm32h5.cpu")
                .contains("transport: dapdirect_swd");
        assertThat(p.exitValue()).as(out).isZero();
    }
}
