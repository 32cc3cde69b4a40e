package io.bootrig.board.firmware;

import io.bootrig.board.TestFixtures;
import io.bootrig.wolfboot.config.WolfBootConfig;
import java.nio.file.Path;

/** Test applications built with {@link FirmwareBuilds} and signed with LMS test key 0, as the fixtures are. */
final class SignedTestApps {
    private SignedTestApps() {
    }

    /**
     * The application with {@code behaviour}, signed as {@code version} for partition id 1. The
     * private key is copied into {@code keyDirectory} (a test's temporary directory) and used there.
     */
    static byte[] signed(TestAppBehaviour behaviour, long version, Path keyDirectory) throws Exception {
        WolfBootConfig config = WolfBootConfig.read(TestFixtures.lmsConfig());
        byte[] application = FirmwareBuilds.testApp(config, behaviour).encode();
        return FixtureGenerator.sign(application, FixtureGenerator.copyKey(TestFixtures.lmsVector("lms_key0_all.der"),
                keyDirectory.resolve("key0.der")), version, 1, config.layout());
    }
}
