package io.bootrig.wolfboot.config;

import static io.bootrig.wolfboot.config.ConfigKeys.*;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.LmsParameters;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the layout's values from a config, with wolfBoot's defaults (tools/config.mk, arch.mk) for
 * what it leaves out. Checks only what a single value can break; {@link LayoutValidator} checks how
 * they fit together.
 */
final class LayoutReader {
    private static final long NO_SWAP = 0xFFFF_FFFFL;

    private LayoutReader() {}

    static PartitionLayout read(WolfBootConfig c) throws FormatException {
        if (c.flag(FLAGS_HOME, false)) {
            throw c.invalid(FLAGS_HOME, "FLAGS_HOME=1 (all partition flags at the end of BOOT) is not modelled;"
                    + " only per-partition trailers are");
        }
        String target = c.get(TARGET).orElse("stm32f4");
        Optional<FlashGeometry> flash = FlashGeometry.forTarget(target);
        long flashBase = flash.isPresent() ? flash.get().base() : c.number(ARCH_FLASH_OFFSET, 0);

        AuthType sign = sign(c);
        HashAlgorithm hash = HashAlgorithm.byConfigName(c.get(HASH).orElse("SHA256"))
                .orElseThrow(() -> c.invalid(HASH, "unknown hash '" + c.get(HASH).orElse("")
                        + "' (SHA256, SHA384 or SHA3)"));
        Optional<LmsParameters> lms = sign == AuthType.LMS ? Optional.of(lms(c)) : Optional.empty();
        int signatureSize = signatureSize(c, sign, lms);
        int minimumHeader = sign.defaultHeaderSize(hash, signatureSize);
        int headerSize = c.intNumber(IMAGE_HEADER_SIZE, minimumHeader);
        if (headerSize < minimumHeader) {
            throw c.invalid(IMAGE_HEADER_SIZE, headerSize + " is less than the " + minimumHeader + " bytes wolfBoot's"
                    + " sign tool needs for " + sign.wolfBootName() + "; it would ignore it and the device would"
                    + " look for the firmware at the wrong offset");
        }

        long sectorSize = c.number(SECTOR_SIZE);
        if (sectorSize == 0) {
            throw c.invalid(SECTOR_SIZE, "must not be 0");
        }
        long partitionSize = c.number(PARTITION_SIZE);
        if (partitionSize == 0) {
            throw c.invalid(PARTITION_SIZE, "must not be 0");
        }
        Partition boot = partition(c, flash, "boot", BOOT_ADDRESS, c.number(BOOT_ADDRESS), partitionSize);
        Partition update = partition(c, flash, "update", UPDATE_ADDRESS, c.number(UPDATE_ADDRESS), partitionSize);
        OptionalLong swapAddress = c.optionalNumber(SWAP_ADDRESS);
        Optional<Partition> swap = swapAddress.isEmpty() || swapAddress.getAsLong() == NO_SWAP
                ? Optional.empty()
                : Optional.of(partition(c, flash, "swap", SWAP_ADDRESS, swapAddress.getAsLong(), sectorSize));

        return new PartitionLayout(c.source(), target, flash, flashBase, sign, hash, lms, signatureSize, headerSize,
                sectorSize, boot, update, swap,
                region(c, KEYVAULT_ADDRESS, KEYVAULT_SIZE), region(c, NSC_ADDRESS, NSC_SIZE),
                c.flag(TZEN, false), c.flag(DUALBANK_SWAP, false), c.flag(NVM_FLASH_WRITEONCE, false),
                c.flag(ALLOW_DOWNGRADE, false), c.flag(FLASH_OTP_KEYSTORE, false));
    }

    private static AuthType sign(WolfBootConfig c) throws FormatException {
        String name = c.get(SIGN).orElse("ED25519");
        if (name.trim().equalsIgnoreCase("NONE")) {
            throw c.invalid(SIGN, "unsigned images (SIGN=NONE) are not supported");
        }
        return AuthType.byName(name).orElseThrow(() -> c.invalid(SIGN, "unknown signature algorithm '" + name + "'"));
    }

    private static LmsParameters lms(WolfBootConfig c) throws FormatException {
        int levels = c.intNumber(LMS_LEVELS);
        int height = c.intNumber(LMS_HEIGHT);
        int winternitz = c.intNumber(LMS_WINTERNITZ);
        // Vary one parameter at a time over a valid set to name the key that is wrong.
        if (LmsParameters.of(levels, 5, 8).isEmpty()) {
            throw c.invalid(LMS_LEVELS, levels + " is not 1..8");
        }
        if (LmsParameters.of(1, height, 8).isEmpty()) {
            throw c.invalid(LMS_HEIGHT, height + " is not 5, 10, 15, 20 or 25");
        }
        if (LmsParameters.of(1, 5, winternitz).isEmpty()) {
            throw c.invalid(LMS_WINTERNITZ, winternitz + " is not 1, 2, 4 or 8");
        }
        return new LmsParameters(levels, height, winternitz);
    }

    private static int signatureSize(WolfBootConfig c, AuthType sign, Optional<LmsParameters> lms)
            throws FormatException {
        int derived = lms.map(LmsParameters::signatureSize).orElse(sign.signatureSize());
        OptionalLong given = c.optionalNumber(IMAGE_SIGNATURE_SIZE);
        if (given.isEmpty()) {
            if (derived == 0) {
                throw new FormatException(c.source(), IMAGE_SIGNATURE_SIZE,
                        "required for SIGN=" + sign.wolfBootName() + " (its size follows the key's parameters)");
            }
            return derived;
        }
        int size = c.intNumber(IMAGE_SIGNATURE_SIZE);
        if (size == 0 || size > Integer.MAX_VALUE / 2) {
            throw c.invalid(IMAGE_SIGNATURE_SIZE, size + " is not a usable signature size");
        }
        if (derived != 0 && size != derived) {
            String what = lms.map(p -> "LMS " + p.label()).orElse(sign.wolfBootName());
            throw c.invalid(IMAGE_SIGNATURE_SIZE, size + " disagrees with " + what + ", whose signatures are "
                    + derived + " bytes");
        }
        return size;
    }

    private static Partition partition(WolfBootConfig c, Optional<FlashGeometry> flash, String name, String key,
            long address, long size) throws FormatException {
        if (address > Long.MAX_VALUE - size) {
            throw c.invalid(key, ConfigNumber.hex(address) + " plus the size " + ConfigNumber.size(size)
                    + " overflows");
        }
        long ns = flash.map(f -> f.toNonSecure(address)).orElse(address);
        long s = flash.map(f -> f.toSecure(ns)).orElse(address);
        return new Partition(name, key, address, size, ns, s);
    }

    private static Optional<Region> region(WolfBootConfig c, String addressKey, String sizeKey)
            throws FormatException {
        if (!c.has(addressKey) && !c.has(sizeKey)) {
            return Optional.empty();
        }
        long address = c.number(addressKey);
        long size = c.number(sizeKey);
        if (address > Long.MAX_VALUE - size) {
            throw c.invalid(addressKey, ConfigNumber.hex(address) + " plus " + sizeKey + " overflows");
        }
        return Optional.of(new Region(address, size));
    }
}
