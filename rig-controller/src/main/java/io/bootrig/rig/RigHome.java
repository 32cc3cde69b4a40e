package io.bootrig.rig;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the rig's files are: the installation (board-configs/, fixtures/) and the per-user state
 * (virtual boards, health records). Overrides: -Dbootrig.root or RIG_HOME for the installation,
 * RIG_BOARDS_DIR for the inventory, XDG_STATE_HOME for state, RIG_LEASE_DIR for leases.
 */
public final class RigHome {
    private final Path root;
    private final Map<String, String> env;

    private RigHome(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    /** The installation this code runs from, with the process's environment. */
    public static RigHome current() {
        return new RigHome(findRoot(System.getenv()), System.getenv());
    }

    /** An installation at {@code root} with the given environment (tests). */
    public static RigHome of(Path root, Map<String, String> env) {
        return new RigHome(root.toAbsolutePath(), Map.copyOf(env));
    }

    public Path root() {
        return root;
    }

    public Map<String, String> env() {
        return env;
    }

    public Path boardConfigs() {
        return root.resolve("board-configs");
    }

    /** OpenOCD's search directory for interface/, target/ and bootrig-stm32h5.tcl. */
    public Path openocdScripts() {
        return boardConfigs().resolve("openocd");
    }

    /** The board inventory: RIG_BOARDS_DIR, else board-configs/boards. */
    public Path boardsDirectory() {
        return variable("RIG_BOARDS_DIR").map(Path::of).orElse(boardConfigs().resolve("boards"));
    }

    /** $XDG_STATE_HOME/bootrig (default ~/.local/state/bootrig). */
    public Path stateHome() {
        Path base = variable("XDG_STATE_HOME").map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".local", "state"));
        return base.resolve("bootrig");
    }

    /** Shared by every user of the host, so leases exclude other users too: RIG_LEASE_DIR, else /var/tmp/bootrig/leases. */
    public Path leaseDirectory() {
        return variable("RIG_LEASE_DIR").map(Path::of).orElse(Path.of("/var/tmp/bootrig/leases"));
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    private static Path findRoot(Map<String, String> env) {
        String prop = System.getProperty("bootrig.root");
        if (prop != null && isRoot(Path.of(prop))) {
            return Path.of(prop).toAbsolutePath();
        }
        String home = env.get("RIG_HOME");
        if (home != null && isRoot(Path.of(home))) {
            return Path.of(home).toAbsolutePath();
        }
        // rig-controller/target/rig.jar or rig-controller/target/classes
        try {
            Path code = Path.of(RigHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return p;
                }
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working directory
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (isRoot(p)) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the bootrig installation (a directory with board-configs/openocd); "
                + "set RIG_HOME to it");
    }

    private static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("board-configs").resolve("openocd"));
    }
}
