package io.bootrig.rig;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the OpenOCD executable are, for the rig-controller tests. */
public final class TestEnvironment {
    private TestEnvironment() {}

    /** The repository root: -Dbootrig.root (set by Surefire), else the nearest parent with fixtures/ and pom.xml. */
    public static Path root() {
        String prop = System.getProperty("bootrig.root");
        if (prop != null && Files.isDirectory(Path.of(prop, "fixtures"))) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with fixtures/ and pom.xml)");
    }

    /** The openocd on PATH; a test that needs it fails with the install command when it is missing. */
    public static String openocd() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "openocd"))) {
                return Path.of(dir, "openocd").toString();
            }
        }
        return fail("openocd is not installed; install it: apt-get install -y openocd");
    }
}
