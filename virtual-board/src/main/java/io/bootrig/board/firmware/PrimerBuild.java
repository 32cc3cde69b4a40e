package io.bootrig.board.firmware;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an otp-keystore-primer was built: the keystore.c compiled into it (PubKeys[], each slot a
 * full {@code struct keystore_slot} with KEYSTORE_PUBKEY_SIZE key bytes), the header version it
 * writes and whether it write-protects the OTP afterwards (ENABLE_OTP_WP).
 *
 * @param trustZone          built with TZEN=1 (runs secure, from 0x0C000000)
 * @param keystorePubkeySize KEYSTORE_PUBKEY_SIZE of the algorithm (60 for LMS)
 * @param headerVersion      the OTP header's version field (WOLFBOOT_VERSION of the build, 0x02090000)
 * @param writeProtect       ENABLE_OTP_WP=1
 * @param slots              PubKeys[] in order
 */
public record PrimerBuild(boolean trustZone, int keystorePubkeySize, long headerVersion, boolean writeProtect,
        List<Slot> slots) {

    /** One {@code struct keystore_slot} as compiled: the key zero-padded to KEYSTORE_PUBKEY_SIZE. */
    public record Slot(long slotId, long keyType, long partIdMask, long pubkeySize, byte[] pubkey) {
        public Slot {
            pubkey = pubkey.clone();
        }

        @Override
        public byte[] pubkey() {
            return pubkey.clone();
        }

        static Slot of(KeystoreSlot slot, int keystorePubkeySize) {
            byte[] key = Arrays.copyOf(slot.pubkey(), (int) Math.min(slot.pubkeySize(), slot.pubkey().length));
            return new Slot(slot.slotId(), slot.keyType(), slot.partIdMask(), slot.pubkeySize(),
                    Arrays.copyOf(key, keystorePubkeySize));
        }
    }

    public PrimerBuild {
        slots = List.copyOf(slots);
    }

    /** sizeof(struct keystore_slot): the bytes the primer writes per key. */
    public int slotSize() {
        return 16 + keystorePubkeySize;
    }

    Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("TARGET", "stm32h5");
        parameters.put("TZEN", trustZone ? "1" : "0");
        parameters.put("KEYSTORE_PUBKEY_SIZE", Integer.toString(keystorePubkeySize));
        parameters.put("OTP_HEADER_VERSION", hex(headerVersion));
        parameters.put("ENABLE_OTP_WP", writeProtect ? "1" : "0");
        parameters.put("NUM_PUBKEYS", Integer.toString(slots.size()));
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            parameters.put("PUBKEY" + i + "_SLOT_ID", Long.toString(slot.slotId()));
            parameters.put("PUBKEY" + i + "_KEY_TYPE", hex(slot.keyType()));
            parameters.put("PUBKEY" + i + "_PART_ID_MASK", hex(slot.partIdMask()));
            parameters.put("PUBKEY" + i + "_SIZE", Long.toString(slot.pubkeySize()));
            parameters.put("PUBKEY" + i, HexFormat.of().formatHex(slot.pubkey()));
        }
        return parameters;
    }

    static PrimerBuild fromParameters(Map<String, String> parameters) throws FormatException {
        Reader reader = new Reader(parameters);
        int keySize = (int) reader.number("KEYSTORE_PUBKEY_SIZE");
        int count = (int) reader.number("NUM_PUBKEYS");
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] key = reader.hex("PUBKEY" + i);
            if (key.length != keySize) {
                throw reader.invalid("PUBKEY" + i, key.length + " bytes, KEYSTORE_PUBKEY_SIZE is " + keySize);
            }
            slots.add(new Slot(reader.number("PUBKEY" + i + "_SLOT_ID"), reader.number("PUBKEY" + i + "_KEY_TYPE"),
                    reader.number("PUBKEY" + i + "_PART_ID_MASK"), reader.number("PUBKEY" + i + "_SIZE"), key));
        }
        return new PrimerBuild(reader.number("TZEN") == 1, keySize, reader.number("OTP_HEADER_VERSION"),
                reader.number("ENABLE_OTP_WP") == 1, slots);
    }

    private static String hex(long value) {
        return String.format("0x%08X", value);
    }

    private record Reader(Map<String, String> parameters) {
        private static final String SOURCE = "otp-primer descriptor";

        long number(String key) throws FormatException {
            String value = text(key);
            try {
                return value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(key, "'" + value + "' is not a number");
            }
        }

        byte[] hex(String key) throws FormatException {
            try {
                return HexFormat.of().parseHex(text(key));
            } catch (IllegalArgumentException e) {
                throw invalid(key, "not hex");
            }
        }

        String text(String key) throws FormatException {
            String value = parameters.get(key);
            if (value == null) {
                throw new FormatException(SOURCE, key, "missing");
            }
            return value;
        }

        FormatException invalid(String key, String problem) {
            return new FormatException(SOURCE, key, problem);
        }
    }
}
