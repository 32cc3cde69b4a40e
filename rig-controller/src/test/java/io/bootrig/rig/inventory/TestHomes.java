package io.bootrig.rig.inventory;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A RigHome on the repository whose inventory, state and leases are under a test's temporary directory. */
public final class TestHomes {
    private TestHomes() {}

    public static RigHome under(Path tmp) {
        return under(tmp, Map.of());
    }

    public static RigHome under(Path tmp, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("RIG_BOARDS_DIR", tmp.resolve("boards").toString());
        env.put("XDG_STATE_HOME", tmp.resolve("state").toString());
        env.put("RIG_LEASE_DIR", tmp.resolve("leases").toString());
        return RigHome.of(TestEnvironment.root(), env);
    }

    /** The wolfBoot LMS config in the repository, as an absolute path a test YAML can name. */
    public static String lmsConfig() {
        return TestEnvironment.root().resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config").toString();
    }
}
