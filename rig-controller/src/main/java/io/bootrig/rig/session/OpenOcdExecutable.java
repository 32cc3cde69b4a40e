package io.bootrig.rig.session;

import io.bootrig.rig.openocd.OpenOcdException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Which openocd to run: RIG_OPENOCD, else the first openocd on PATH. */
public final class OpenOcdExecutable {
    private OpenOcdExecutable() {}

    public static String find(Map<String, String> env) throws OpenOcdException {
        String explicit = env.get("RIG_OPENOCD");
        if (explicit != null && !explicit.isBlank()) {
            if (!Files.isExecutable(Path.of(explicit))) {
                throw new OpenOcdException("RIG_OPENOCD=" + explicit + " is not an executable file");
            }
            return explicit;
        }
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "openocd"))) {
                return Path.of(dir, "openocd").toString();
            }
        }
        throw new OpenOcdException("openocd is not installed (not on PATH); on Debian: apt-get install -y openocd");
    }
}
