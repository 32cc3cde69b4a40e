package io.bootrig.board.firmware;

import static io.bootrig.board.soc.FlashRegisters.OPTSR_PRG;
import static io.bootrig.board.soc.FlashRegisters.SECWM1R_PRG;
import static io.bootrig.board.soc.FlashRegisters.SECWM2R_PRG;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.Keystore;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wolfBoot for the STM32H5 with DUALBANK_SWAP and NVM_FLASH_WRITEONCE (src/update_flash_hwswap.c,
 * hal/stm32h5.c): hal_init's fork_bootloader, the keystore from OTP, the candidate by version,
 * verification with wolfboot-tools against that keystore, erase-and-fall-back or panic, the
 * TESTING mark, the bank swap through the option bytes with a system reset, and the jump to the
 * application at BOOT + IMAGE_HEADER_SIZE. DEBUG=0: nothing is printed; what it decides goes to
 * the board's status and the debug log.
 */
final class WolfBoot {
    private static final Logger LOG = LoggerFactory.getLogger(WolfBoot.class);
    private static final int FORK_CHUNK = 4096;
    private static final long SWAP_BANK = 0x8000_0000L;
    private static final int SECWM_END_SHIFT = 16;

    private final PartitionLayout layout;

    WolfBoot(PartitionLayout layout) {
        this.layout = layout;
    }

    void run(Mcu mcu) {
        mcu.activity(FirmwareKind.WOLFBOOT, "hal_init");
        if (!layout.dualBankSwap() || !layout.writeOnce()) {
            throw mcu.hang(FirmwareKind.WOLFBOOT, "hung: only DUALBANK_SWAP=1 with NVM_FLASH_WRITEONCE=1 is modelled");
        }
        Stm32h5Hal hal = new Stm32h5Hal(mcu, layout.trustZone(), new Stm32h5Hal.NonSecureArea(
                layout.boot().nonSecureAddress(), layout.boot().nonSecureAddress() + layout.partitionSize()),
                FirmwareKind.WOLFBOOT);
        forkBootloader(mcu, hal);
        WolfBootLibrary library = new WolfBootLibrary(mcu, hal, layout);
        OtpKeystore keys = layout.otpKeystore()
                ? OtpKeystore.read(hal, layout.sign().keystorePubkeySize())
                : new OtpKeystore(layout.sign().keystorePubkeySize(), List.of());
        PartitionId active = chooseAndVerify(mcu, library, keys.keystore());
        OptionalInt state = library.state(active);
        if (active == PartitionId.BOOT && state.isPresent() && state.getAsInt() == PartitionState.UPDATING) {
            hal.unlock();
            library.setState(PartitionId.BOOT, PartitionState.TESTING);
            hal.lock();
        }
        if (active == PartitionId.UPDATE) {
            throw dualBankSwap(mcu, hal);
        }
        startApplication(mcu, library, keys);
    }

    /** wolfBoot_dualboot_candidate, then wolfBoot_start's verification loop. */
    private PartitionId chooseAndVerify(Mcu mcu, WolfBootLibrary library, Keystore keystore) {
        mcu.activity(FirmwareKind.WOLFBOOT, "choosing the candidate");
        long bootVersion = library.version(PartitionId.BOOT);
        long updateVersion = library.version(PartitionId.UPDATE);
        if (bootVersion == 0 && updateVersion == 0) {
            throw panic(mcu, "no image in BOOT nor UPDATE");
        }
        PartitionId candidate = bootVersion == 0 || updateVersion > bootVersion ? PartitionId.UPDATE : PartitionId.BOOT;
        if (bootVersion > 0 && updateVersion > 0) {
            OptionalInt state = library.state(candidate);
            if (state.isPresent() && state.getAsInt() == PartitionState.TESTING) {
                long candidateVersion = candidate == PartitionId.BOOT ? bootVersion : updateVersion;
                long otherVersion = candidate == PartitionId.BOOT ? updateVersion : bootVersion;
                if (!layout.allowDowngrade() && otherVersion < candidateVersion) {
                    LOG.debug("wolfBoot: Rollback to lower version not allowed");
                } else {
                    library.erase(candidate);
                    candidate = candidate.other();
                }
            }
        }
        while (true) {
            bootVersion = library.version(PartitionId.BOOT);
            updateVersion = library.version(PartitionId.UPDATE);
            long activeVersion = candidate == PartitionId.BOOT ? bootVersion : updateVersion;
            if (!layout.allowDowngrade() && activeVersion < Math.max(bootVersion, updateVersion)) {
                throw panic(mcu, candidate + " version " + activeVersion + " is below the other partition's");
            }
            mcu.activity(FirmwareKind.WOLFBOOT, "verifying " + candidate);
            Verdict verdict = verify(library, candidate, keystore);
            if (verdict.accepted()) {
                LOG.debug("wolfBoot: {} accepted: {}", candidate, verdict.detail());
                return candidate;
            }
            LOG.debug("wolfBoot: {} rejected: {}", candidate, verdict.detail());
            if (bootVersion == 0 || updateVersion == 0) {
                throw panic(mcu, candidate + " rejected (" + verdict.detail() + ") and no other image");
            }
            library.erase(candidate);
            candidate = candidate.other();
        }
    }

    private Verdict verify(WolfBootLibrary library, PartitionId partition, Keystore keystore) {
        Optional<byte[]> bytes = library.image(partition);
        if (bytes.isEmpty()) {
            return rejected("no image, or its size does not fit the partition");
        }
        SignedImage image;
        try {
            image = SignedImage.parse(partition.name(), bytes.get(), OptionalInt.of(layout.headerSize()));
        } catch (FormatException e) {
            return rejected(e.getMessage());
        }
        if (image.hashAlgorithm().orElse(null) != layout.hash()) {
            return rejected("no " + layout.hash() + " digest TLV");
        }
        return ImageVerifier.verify(image, keystore, OptionalInt.empty(), Optional.of(layout.sign()));
    }

    private static Verdict rejected(String detail) {
        return new Verdict(Optional.of(RejectReason.MALFORMED), detail, OptionalLong.empty(), OptionalLong.empty(),
                OptionalInt.empty());
    }

    /** hal_flash_dualbank_swap: toggle SWAP_BANK, exchange the watermarks, OPTSTRT, system reset. */
    private FirmwareAborted dualBankSwap(Mcu mcu, Stm32h5Hal hal) {
        mcu.activity(FirmwareKind.WOLFBOOT, "swapping banks");
        boolean swapped = hal.banksSwapped();
        hal.unlock();
        hal.optionBytesUnlock();
        long optsr = hal.readRegister(OPTSR_PRG);
        hal.writeRegister(OPTSR_PRG, swapped ? optsr & ~SWAP_BANK : optsr | SWAP_BANK);
        if (layout.trustZone()) {
            long wolfBootEnd = layout.lastWolfBootSector() << SECWM_END_SHIFT;
            long partitionsEnd = (layout.lastWolfBootSector() + layout.partitionSize() / layout.sectorSize())
                    << SECWM_END_SHIFT;
            hal.writeRegister(SECWM1R_PRG, swapped ? wolfBootEnd : partitionsEnd);
            hal.writeRegister(SECWM2R_PRG, swapped ? partitionsEnd : wolfBootEnd);
        }
        mcu.faultPoint(FaultPoint.BANK_SWAP_STAGED, 0);
        hal.optionBytesLaunch();
        mcu.faultPoint(FaultPoint.BANK_SWAP_COMMITTED, 0);
        hal.optionBytesLock();
        hal.lock();
        return mcu.systemReset("wolfBoot bank swap (AIRCR.SYSRESETREQ)");
    }

    /** fork_bootloader: copy wolfBoot into the other bank when it differs, so either bank boots. */
    private void forkBootloader(Mcu mcu, Stm32h5Hal hal) {
        long size = layout.bootloaderSize();
        long here = layout.wolfBootArea().address();
        long there = here + (Stm32h5Hal.FLASH_BANK2_BASE - Stm32h5Hal.FLASH_BASE);
        boolean secure = layout.trustZone();
        boolean same = true;
        for (long offset = 0; offset < size && same; offset += FORK_CHUNK) {
            same = Arrays.equals(mcu.read(here + offset, FORK_CHUNK, secure), mcu.read(there + offset, FORK_CHUNK, secure));
        }
        if (same) {
            return;
        }
        mcu.activity(FirmwareKind.WOLFBOOT, "fork_bootloader: copying wolfBoot to the other bank");
        hal.unlock();
        hal.erase(there, size);
        for (long offset = 0; offset < size; offset += FORK_CHUNK) {
            hal.write(there + offset, mcu.read(here + offset, FORK_CHUNK, secure));
        }
        hal.lock();
    }

    /** do_boot: into the non-secure application whose vector table is at BOOT + IMAGE_HEADER_SIZE. */
    private void startApplication(Mcu mcu, WolfBootLibrary library, OtpKeystore keys) {
        long vectorTable = layout.boot().nonSecureAddress() + layout.headerSize();
        Optional<LoadedFirmware> application = LoadedFirmware.at(mcu, vectorTable, false);
        if (application.isEmpty() || application.get().kind() != FirmwareKind.TEST_APP) {
            throw mcu.hang(FirmwareActivity.NONE, String.format("no known application at 0x%08X", vectorTable));
        }
        PartitionLayout applicationLayout;
        try {
            applicationLayout = FirmwareBuilds.layout(application.get().parameters());
        } catch (FormatException e) {
            throw mcu.hang(FirmwareActivity.NONE, "unreadable test-app descriptor: " + e.getMessage());
        }
        new TestApplication(applicationLayout, TestAppBehaviour.of(application.get().parameters()),
                new SecureServices(library, keys)).run(mcu);
    }

    private static FirmwareAborted panic(Mcu mcu, String why) {
        LOG.debug("wolfBoot: panic: {}", why);
        return mcu.hang(FirmwareKind.WOLFBOOT, "panic: " + why);
    }
}
