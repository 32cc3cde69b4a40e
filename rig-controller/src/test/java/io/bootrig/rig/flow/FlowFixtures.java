package io.bootrig.rig.flow;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.inventory.BoardKind;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.inventory.ConsoleSpec;
import io.bootrig.rig.inventory.OpenOcdInterface;
import io.bootrig.rig.inventory.PowerSpec;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The committed virtual-board firmware and LMS keystore, as provisioning and update inputs. */
final class FlowFixtures {
    static final Path ROOT = TestEnvironment.root();
    static final Path CONFIG = ROOT.resolve("board-configs/wolfboot/stm32h5-tz-dualbank-otp-lms.config");
    static final Path FIRMWARE = ROOT.resolve("fixtures/virtual-board");
    static final Path KEYSTORE = ROOT.resolve("fixtures/wolfboot/lms/keystore.c");
    static final Path OTP = ROOT.resolve("fixtures/wolfboot/lms/otp.bin");

    private FlowFixtures() {}

    static RigHome home() {
        TestEnvironment.openocd();
        return RigHome.of(ROOT, System.getenv());
    }

    static BoardSpec virtualBoard(String name, Path stateDir, boolean sacrificial) {
        return new BoardSpec(name, BoardKind.VIRTUAL, Optional.empty(), new ConsoleSpec.Virtual(),
                new OpenOcdInterface("interface/virtual-board.cfg", List.of()), new PowerSpec.Virtual(), CONFIG,
                Map.of("sacrificial", Boolean.toString(sacrificial)), Optional.of(stateDir), "test board " + name);
    }

    static PartitionLayout layout() throws Exception {
        return WolfBootConfig.parse(CONFIG.toString(), Files.readString(CONFIG)).layout();
    }

    static Keystore keystore() throws Exception {
        return KeystoreFiles.load(KEYSTORE);
    }

    static ProvisionInputs provision(boolean confirmOtp) throws Exception {
        return provision(keystore(), Files.readAllBytes(OTP), confirmOtp);
    }

    static ProvisionInputs provision(Keystore keystore, byte[] expectedOtp, boolean confirmOtp) throws Exception {
        return new ProvisionInputs(keystore, KeystoreFormat.C_SOURCE, KEYSTORE.toString(), expectedOtp, layout(),
                FIRMWARE.resolve("otp-primer-lms.bin"), FIRMWARE.resolve("wolfboot-lms.bin"),
                FIRMWARE.resolve("image_v1_signed.bin"), confirmOtp, Optional.empty(), Optional.empty(),
                ProvisionInputs.OTP_WAIT, ProvisionInputs.BOOT_WAIT);
    }

    static UpdateInputs update(String image, UpdateInputs.Expectation expect, boolean confirm) throws Exception {
        return new UpdateInputs(FIRMWARE.resolve(image), layout(), Optional.of(keystore()), expect, confirm,
                UpdateInputs.testAppXmodem(), UpdateInputs.BOOT_WAIT);
    }
}
