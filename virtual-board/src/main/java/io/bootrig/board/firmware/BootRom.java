package io.bootrig.board.firmware;

import io.bootrig.board.debug.BootConfig;
import io.bootrig.wolfboot.FormatException;
import java.util.Optional;

/**
 * What the STM32H5 does out of reset, as far as the models go: fetch the vector table at the boot
 * address the option bytes select (SECBOOTADD with TrustZone on, else NSBOOTADD) in the matching
 * security state, and run what its reset vector leads to. Erased flash or anything but a virtual
 * firmware means the core runs code nobody models: nothing observable happens.
 */
final class BootRom {

    void boot(Mcu mcu) {
        BootConfig boot = mcu.bootConfig();
        Optional<LoadedFirmware> firmware = LoadedFirmware.at(mcu, boot.vectorTable(), boot.secure());
        if (firmware.isEmpty()) {
            throw mcu.hang(FirmwareActivity.NONE, String.format("no known firmware at 0x%08X", boot.vectorTable()));
        }
        try {
            switch (firmware.get().kind()) {
                case OTP_PRIMER -> new OtpPrimer(PrimerBuild.fromParameters(firmware.get().parameters())).run(mcu);
                case WOLFBOOT -> new WolfBoot(FirmwareBuilds.layout(firmware.get().parameters())).run(mcu);
                case TEST_APP -> throw mcu.hang(FirmwareKind.TEST_APP,
                        "hard fault: started without wolfBoot, its first secure (NSC) call faults");
            }
        } catch (FormatException e) {
            throw mcu.hang(FirmwareActivity.NONE, String.format("unreadable %s descriptor at 0x%08X: %s",
                    firmware.get().kind().label(), boot.vectorTable(), e.getMessage()));
        }
    }
}
