package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.TestFixtures;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareSetTest {

    @Test
    void itWritesTheThreeImagesUnderTheNamesMakeGivesThem(@TempDir Path dir) throws Exception {
        WolfBootConfig config = WolfBootConfig.read(TestFixtures.lmsConfig());
        Keystore keystore = KeystoreFiles.load(TestFixtures.lmsVector("keystore.c"));
        FirmwareSet set = FirmwareSet.build(keystore, config, new TestAppBehaviour(true, false));

        FirmwareFiles files = set.writeInto(dir.resolve("build"));

        assertThat(files).isEqualTo(FirmwareFiles.in(dir.resolve("build")));
        assertThat(files.otpPrimer()).hasFileName("otp-primer.bin");
        assertThat(files.wolfBoot()).hasFileName("wolfboot.bin");
        assertThat(files.testApp()).hasFileName("test-app.bin");
        assertThat(VirtualFirmware.decode(Files.readAllBytes(files.otpPrimer()))).contains(
                FirmwareBuilds.otpPrimer(keystore, config));
        assertThat(VirtualFirmware.decode(Files.readAllBytes(files.wolfBoot()))).contains(FirmwareBuilds.wolfBoot(config));
        VirtualFirmware testApp = VirtualFirmware.decode(Files.readAllBytes(files.testApp())).orElseThrow();
        assertThat(testApp.kind()).isEqualTo(FirmwareKind.TEST_APP);
        assertThat(testApp.parameters()).containsEntry(TestAppBehaviour.NEVER_CONFIRMS, "1")
                .doesNotContainKey(TestAppBehaviour.CRASHES_AT_BOOT);
    }
}
