package io.bootrig.board.firmware;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the virtual firmware images the way wolfBoot's make builds the real ones: the primer
 * from a keystore (keystore.c) and a .config, wolfBoot and the test application from the .config.
 * The test application is the payload that gets signed into image_v1_signed.bin, image_v2_signed.bin.
 */
public final class FirmwareBuilds {
    /** wolfBoot's RAM with TZEN=1 (0x30000000 + 0x20000), or the non-secure SRAM1 top without. */
    static final long SECURE_STACK_TOP = 0x3002_0000L;
    static final long NON_SECURE_BOOTLOADER_STACK_TOP = 0x2002_0000L;
    /** The test application's RAM: 0x20050000 + 0x50000. */
    static final long APPLICATION_STACK_TOP = 0x200A_0000L;
    static final String APPLICATION = "test-app/app_stm32h5.c";
    private static final String CONFIG_SOURCE = "virtual firmware descriptor";

    private FirmwareBuilds() {
    }

    /** otp-keystore-primer built for the config's target with this keystore compiled in. */
    public static VirtualFirmware otpPrimer(Keystore keystore, WolfBootConfig config) throws FormatException {
        PartitionLayout layout = config.layout();
        int keySize = layout.sign().keystorePubkeySize();
        List<PrimerBuild.Slot> slots = new ArrayList<>();
        for (KeystoreSlot slot : keystore.slots()) {
            slots.add(PrimerBuild.Slot.of(slot, keySize));
        }
        PrimerBuild build = new PrimerBuild(layout.trustZone(), keySize, OtpLayout.DEFAULT_VERSION, false, slots);
        long link = layout.trustZone() ? layout.toSecure(layout.flashBase()) : layout.flashBase();
        return new VirtualFirmware(FirmwareKind.OTP_PRIMER, link, stackTop(layout), build.toParameters());
    }

    /** wolfBoot built with this config: linked at the start of its area (the secure alias with TZEN=1). */
    public static VirtualFirmware wolfBoot(WolfBootConfig config) throws FormatException {
        PartitionLayout layout = config.layout();
        return new VirtualFirmware(FirmwareKind.WOLFBOOT, layout.wolfBootArea().address(), stackTop(layout),
                new LinkedHashMap<>(config.entries()));
    }

    /** The test application built with this config: linked at BOOT + IMAGE_HEADER_SIZE. */
    public static VirtualFirmware testApp(WolfBootConfig config) throws FormatException {
        return testApp(config, TestAppBehaviour.NORMAL);
    }

    /** The test application built with this config and these misbehaviours switched on. */
    public static VirtualFirmware testApp(WolfBootConfig config, TestAppBehaviour behaviour) throws FormatException {
        PartitionLayout layout = config.layout();
        Map<String, String> parameters = new LinkedHashMap<>(config.entries());
        parameters.put("APP", APPLICATION);
        parameters.putAll(behaviour.parameters());
        return new VirtualFirmware(FirmwareKind.TEST_APP, layout.entryPoint(), APPLICATION_STACK_TOP, parameters);
    }

    /** The layout a wolfBoot or test-app image was built for. */
    static PartitionLayout layout(Map<String, String> parameters) throws FormatException {
        StringBuilder text = new StringBuilder();
        parameters.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return WolfBootConfig.parse(CONFIG_SOURCE, text.toString()).layout();
    }

    private static long stackTop(PartitionLayout layout) {
        return layout.trustZone() ? SECURE_STACK_TOP : NON_SECURE_BOOTLOADER_STACK_TOP;
    }
}
