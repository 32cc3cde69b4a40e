package io.bootrig.rig.lease;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name as lease files record it; a lease's pid is only checked when it names this host. */
public final class LocalHost {
    private static final String NAME = lookUp();

    private LocalHost() {}

    public static String name() {
        return NAME;
    }

    private static String lookUp() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException notLinux) {
            // ask the resolver instead
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
