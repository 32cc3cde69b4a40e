package io.bootrig.rig.openocd;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Settings for a real OpenOCD with the dummy JTAG adapter: no board needed. */
final class DummyOpenOcd {
    private DummyOpenOcd() {}

    static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "openocd"))) {
                return Path.of(dir, "openocd").toString();
            }
        }
        return fail("openocd is not installed; install it: apt-get install -y openocd");
    }

    static OpenOcdSettings settings() {
        return OpenOcdSettings.of(executable()).file(Path.of("interface/dummy.cfg"))
                .command("jtag newtap dummy cpu -irlen 4 -expected-id 0");
    }
}
