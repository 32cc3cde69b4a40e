package io.bootrig.wolfboot.config;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.LmsParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a wolfBoot configuration puts wolfBoot, its partitions and their trailers, and how it signs.
 * Build it with {@link #from} (or {@link WolfBootConfig#layout()}), which checks it; derived
 * addresses are methods.
 *
 * @param source         the config's name, for messages
 * @param target         TARGET
 * @param flash          the target's flash geometry, when this tool knows the target
 * @param flashBase      where flash (and wolfBoot) starts, non-secure alias: the known target's, else
 *                       ARCH_FLASH_OFFSET (default 0 as in arch.mk)
 * @param sign           SIGN
 * @param hash           HASH
 * @param lms            the HSS parameters when SIGN=LMS
 * @param signatureSize  bytes of an image signature
 * @param headerSize     bytes of the manifest header (IMAGE_HEADER_SIZE)
 * @param sectorSize     WOLFBOOT_SECTOR_SIZE
 * @param boot           the BOOT partition
 * @param update         the UPDATE partition
 * @param swap           the SWAP sector, absent when 0xFFFFFFFF or not set
 * @param keyvault       the TrustZone keyvault (PKCS#11 store), as configured
 * @param nsc            the non-secure-callable veneers, as configured
 * @param trustZone      TZEN
 * @param dualBankSwap   DUALBANK_SWAP
 * @param writeOnce      NVM_FLASH_WRITEONCE
 * @param allowDowngrade ALLOW_DOWNGRADE
 * @param otpKeystore    FLASH_OTP_KEYSTORE
 */
public record PartitionLayout(
        String source,
        String target,
        Optional<FlashGeometry> flash,
        long flashBase,
        AuthType sign,
        HashAlgorithm hash,
        Optional<LmsParameters> lms,
        int signatureSize,
        int headerSize,
        long sectorSize,
        Partition boot,
        Partition update,
        Optional<Partition> swap,
        Optional<Region> keyvault,
        Optional<Region> nsc,
        boolean trustZone,
        boolean dualBankSwap,
        boolean writeOnce,
        boolean allowDowngrade,
        boolean otpKeystore) {

    /** Reads and checks the layout a config describes. */
    public static PartitionLayout from(WolfBootConfig config) throws FormatException {
        PartitionLayout layout = LayoutReader.read(config);
        LayoutValidator.check(config, layout);
        return layout;
    }

    /** WOLFBOOT_PARTITION_SIZE, shared by BOOT and UPDATE. */
    public long partitionSize() {
        return boot.size();
    }

    public long toNonSecure(long address) {
        return flash.map(f -> f.toNonSecure(address)).orElse(address);
    }

    public long toSecure(long address) {
        return flash.map(f -> f.toSecure(address)).orElse(address);
    }

    /** Where the application starts: right after the manifest header, non-secure alias. */
    public long entryPoint() {
        return boot.nonSecureAddress() + headerSize;
    }

    /** BOOTLOADER_SIZE: everything below the BOOT partition (wolfBoot code, keyvault, NSC). */
    public long bootloaderSize() {
        return boot.nonSecureAddress() - flashBase;
    }

    /** wolfBoot's own area; it runs from the secure alias when TZEN=1. */
    public Region wolfBootArea() {
        return new Region(trustZone ? toSecure(flashBase) : flashBase, bootloaderSize());
    }

    /** Index of wolfBoot's last sector, counted from the flash base (0x2F for the STM32H5 examples). */
    public long lastWolfBootSector() {
        return bootloaderSize() / sectorSize - 1;
    }

    public Trailer bootTrailer() {
        return Trailer.of(boot, sectorSize, writeOnce);
    }

    public Trailer updateTrailer() {
        return Trailer.of(update, sectorSize, writeOnce);
    }

    /** Sectors at the end of each partition reserved for the trailer. */
    public int trailerSectorCount() {
        return writeOnce ? 2 : 1;
    }

    /** The largest signed image (header and firmware) that leaves the trailer sectors free. */
    public long maxSignedImageSize() {
        return partitionSize() - trailerSectorCount() * sectorSize;
    }

    /** The largest firmware (payload after the header) a partition holds. */
    public long maxFirmwareSize() {
        return maxSignedImageSize() - headerSize;
    }

    /** Plain values (String, Long, Integer, Boolean, List, Map) for JSON output, addresses as numbers. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("target", target);
        m.put("sign", sign.wolfBootName());
        m.put("hash", hash.name());
        lms.ifPresent(p -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("levels", p.levels());
            l.put("height", p.height());
            l.put("winternitz", p.winternitz());
            l.put("label", p.label());
            m.put("lms", l);
        });
        m.put("signatureSize", signatureSize);
        m.put("headerSize", headerSize);
        m.put("sectorSize", sectorSize);
        m.put("partitionSize", partitionSize());
        m.put("trustZone", trustZone);
        m.put("dualBankSwap", dualBankSwap);
        m.put("nvmFlashWriteOnce", writeOnce);
        m.put("allowDowngrade", allowDowngrade);
        m.put("flashOtpKeystore", otpKeystore);
        m.put("flashBase", flashBase);
        flash.ifPresent(f -> m.put("flashSize", f.size()));
        Map<String, Object> wb = new LinkedHashMap<>();
        wb.put("address", wolfBootArea().address());
        wb.put("size", bootloaderSize());
        wb.put("lastSector", lastWolfBootSector());
        m.put("wolfBoot", wb);
        keyvault.ifPresent(r -> m.put("keyvault", regionMap(r)));
        nsc.ifPresent(r -> m.put("nsc", regionMap(r)));
        m.put("boot", partitionMap(boot, bootTrailer()));
        m.put("update", partitionMap(update, updateTrailer()));
        swap.ifPresent(s -> m.put("swap", partitionMap(s, null)));
        m.put("entryPoint", entryPoint());
        m.put("maxSignedImageSize", maxSignedImageSize());
        m.put("maxFirmwareSize", maxFirmwareSize());
        if (flash.isPresent()) {
            List<Object> wms = new ArrayList<>();
            for (int bank = 1; bank <= flash.get().banks(); bank++) {
                SecureWatermark w = SecureWatermarks.required(this, bank);
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("bank", w.bank());
                wm.put("start", w.startSector());
                wm.put("end", w.endSector());
                wm.put("empty", w.isEmpty());
                wms.add(wm);
            }
            m.put("secureWatermarks", wms);
        }
        return m;
    }

    private Map<String, Object> regionMap(Region r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", r.address());
        m.put("nonSecureAddress", toNonSecure(r.address()));
        m.put("size", r.size());
        return m;
    }

    private static Map<String, Object> partitionMap(Partition p, Trailer t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", p.address());
        m.put("nonSecureAddress", p.nonSecureAddress());
        m.put("secureAddress", p.secureAddress());
        m.put("size", p.size());
        m.put("end", p.end());
        m.put("addressKey", p.addressKey());
        if (t != null) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("magicAddress", t.magicAddress());
            tm.put("stateAddress", t.stateAddress());
            tm.put("sectorFlagsAddress", t.sectorFlagsAddress());
            tm.put("sectorFlagBytes", t.sectorFlagBytes());
            tm.put("sectors", new ArrayList<Object>(t.trailerSectors()));
            m.put("trailer", tm);
        }
        return m;
    }
}
