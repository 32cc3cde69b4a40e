package io.bootrig.rig.xmodem;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The programs the pty tests run; a missing one fails the test with how to install it. */
public final class ExternalTools {
    private ExternalTools() {}

    /** Fails (does not skip) unless socat, rx and sx are on the PATH. */
    public static void requireSocatAndLrzsz() {
        for (String tool : new String[] {"socat", "rx", "sx"}) {
            if (find(tool) == null) {
                fail(tool + " is not on the PATH; the XMODEM pty tests need it: install it: "
                        + "apt-get install -y lrzsz socat");
            }
        }
    }

    private static Path find(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
