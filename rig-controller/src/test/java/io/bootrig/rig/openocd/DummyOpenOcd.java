package io.bootrig.rig.openocd;

import io.bootrig.rig.TestEnvironment;
import java.nio.file.Path;

/** Settings for a real OpenOCD with the dummy JTAG adapter: no board needed. */
final class DummyOpenOcd {
    private DummyOpenOcd() {}

    static String executable() {
        return TestEnvironment.openocd();
    }

    static OpenOcdSettings settings() {
        return OpenOcdSettings.of(executable()).file(Path.of("interface/dummy.cfg"))
                .command("jtag newtap dummy cpu -irlen 4 -expected-id 0");
    }
}
