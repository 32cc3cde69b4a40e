package io.bootrig.wolfboot.keystore;

import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a CLI prints about one keystore slot: algorithm, the partition ids its mask lets it verify
 * and a fingerprint (SHA-256 of the key material, the same as an image's SHA-256 pubkey hint).
 *
 * @param allowedPartitionIds ids 0..15 (the image type's partition nibble) the mask allows
 */
public record SlotSummary(int index, long slotId, String keyType, long partIdMask, List<Integer> allowedPartitionIds,
                          String fingerprint) {

    /** Partition ids an image header can carry (HDR_IMG_TYPE_PART_MASK 0x000F). */
    public static final int PARTITION_IDS = 16;

    public SlotSummary {
        allowedPartitionIds = List.copyOf(allowedPartitionIds);
    }

    public static List<SlotSummary> of(Keystore keystore) {
        List<SlotSummary> out = new ArrayList<>();
        for (int i = 0; i < keystore.size(); i++) {
            KeystoreSlot s = keystore.slots().get(i);
            List<Integer> ids = new ArrayList<>();
            for (int id = 0; id < PARTITION_IDS; id++) {
                if (s.allowsPartition(id)) {
                    ids.add(id);
                }
            }
            String type = s.authType().map(AuthType::wolfBootName)
                    .orElse(String.format(Locale.ROOT, "unknown (0x%X)", s.keyType()));
            String fingerprint = HexFormat.of().formatHex(HashAlgorithm.SHA256.hash(s.keyMaterial()));
            out.add(new SlotSummary(i, s.slotId(), type, s.partIdMask(), ids, fingerprint));
        }
        return out;
    }

    public String maskHex() {
        return String.format(Locale.ROOT, "0x%08X", partIdMask);
    }

    /** "0 (wolfBoot self-update), 1 (application), 2, 3", or "none". */
    public String allowedPartitions() {
        if (allowedPartitionIds.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (int id : allowedPartitionIds) {
            parts.add(switch (id) {
                case 0 -> "0 (wolfBoot self-update)";
                case 1 -> "1 (application)";
                default -> Integer.toString(id);
            });
        }
        return String.join(", ", parts);
    }
}
