package io.bootrig.wolfboot.image;

import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What to put in a manifest header, as wolfBoot's sign options say it.
 *
 * @param version     firmware version (u32)
 * @param timestamp   the TIMESTAMP TLV value (sign uses the input file's ctime); empty = {@code --no-ts}
 * @param partitionId partition id 0..15 (1 = application, 0 = wolfBoot self-update)
 * @param hash        image digest algorithm
 * @param headerSize  IMAGE_HEADER_SIZE, or empty for the algorithm's default
 * @param customTlvs  extra TLVs ({@code --custom-tlv*}), tag ≥ 0x0030
 */
public record SignRequest(long version, OptionalLong timestamp, int partitionId, HashAlgorithm hash,
        OptionalInt headerSize, List<CustomTlv> customTlvs) {

    public record CustomTlv(int tag, byte[] value) {
        public CustomTlv {
            if (!TlvTag.isValidCustom(tag)) {
                throw new IllegalArgumentException(String.format(
                        "custom TLV tag 0x%04x: must be at least 0x0030, not a wolfBoot tag, and neither byte 0xFF", tag));
            }
            if (value.length < 1 || value.length > 65524) {
                throw new IllegalArgumentException("custom TLV value must be 1..65524 bytes, got " + value.length);
            }
            value = value.clone();
        }
    }

    public SignRequest {
        if (version < 0 || version > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("version must fit in 32 bits, got " + version);
        }
        if (partitionId < 0 || partitionId > 15) {
            throw new IllegalArgumentException("partition id must be 0..15, got " + partitionId);
        }
        if (customTlvs.size() > 16) {
            throw new IllegalArgumentException("at most 16 custom TLVs, got " + customTlvs.size());
        }
        customTlvs = List.copyOf(customTlvs);
    }

    public static SignRequest of(long version, OptionalLong timestamp) {
        return new SignRequest(version, timestamp, 1, HashAlgorithm.SHA256, OptionalInt.empty(), List.of());
    }

    public SignRequest withPartitionId(int id) {
        return new SignRequest(version, timestamp, id, hash, headerSize, customTlvs);
    }

    public SignRequest withHash(HashAlgorithm h) {
        return new SignRequest(version, timestamp, partitionId, h, headerSize, customTlvs);
    }

    public SignRequest withHeaderSize(int size) {
        return new SignRequest(version, timestamp, partitionId, hash, OptionalInt.of(size), customTlvs);
    }

    public SignRequest withCustomTlvs(List<CustomTlv> tlvs) {
        return new SignRequest(version, timestamp, partitionId, hash, headerSize, tlvs);
    }
}
