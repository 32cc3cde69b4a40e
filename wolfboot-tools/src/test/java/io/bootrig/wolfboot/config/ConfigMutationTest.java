package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.FormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded random corruptions of the example configs: parsing, the layout and every
 * check on it either work or throw FormatException, never anything else.
 */
class ConfigMutationTest {
    private static final long SEED = 0xB007_2169_C0F1L;
    private static final int ROUNDS = 12_000;
    private static final String CHARS = "=?:+!#\\ \t\r\n0123456789abcdefxXABCDEF_-.$(),'\"\u00e9\u0661\uFF21\uFEFF\u0000";
    private static final String[] VALUES = {"0", "1", "2", "", " ", "0x", "0xFFFFFFFF", "0x7FFFFFFFFFFFFFFF",
            "0x8000000000000000", "-1", "010", "99999999999999999999", "0x08000000", "0x0C000000", "0x08100000",
            "0x0C1FE000", "0x2000", "0x1000", "0x3", "0x200000", "0xA0000", "8192", "5288", "2644", "LMS", "XMSS",
            "ML_DSA", "ECC256", "RSA4096", "ED448", "NONE", "SHA3", "SHA384", "stm32h5", "STM32H5", "sim", "stm32f4"};
    private static final String[] KEYS = {"TARGET", "SIGN", "HASH", "LMS_LEVELS", "LMS_HEIGHT", "LMS_WINTERNITZ",
            "IMAGE_SIGNATURE_SIZE", "IMAGE_HEADER_SIZE", "WOLFBOOT_PARTITION_SIZE", "WOLFBOOT_SECTOR_SIZE",
            "WOLFBOOT_PARTITION_BOOT_ADDRESS", "WOLFBOOT_PARTITION_UPDATE_ADDRESS", "WOLFBOOT_PARTITION_SWAP_ADDRESS",
            "WOLFBOOT_KEYVAULT_ADDRESS", "WOLFBOOT_KEYVAULT_SIZE", "WOLFBOOT_NSC_ADDRESS", "WOLFBOOT_NSC_SIZE",
            "ARCH_FLASH_OFFSET", "TZEN", "DUALBANK_SWAP", "NVM_FLASH_WRITEONCE", "ALLOW_DOWNGRADE",
            "FLASH_OTP_KEYSTORE", "FLAGS_HOME"};
    private static final String[] OPERATORS = {"=", "?=", ":=", "+=", " = ", " ?= "};

    @Test
    void onlyFormatExceptionEscapes() {
        Random random = new Random(SEED);
        List<String> bases = List.of(ExampleConfigs.lms(), ExampleConfigs.ecc(),
                ExampleConfigs.lms().replace("\n", "\r\n"));
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String text = bases.get(round % bases.size());
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                text = mutate(text, random);
            }
            try {
                exercise(text);
                accepted++;
            } catch (FormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException | Error other) {
                if (failures.size() < 5) {
                    failures.add("round " + round + ": " + other + "\n--- text ---\n" + text);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("corruptions that still give a layout").isGreaterThan(ROUNDS / 20);
        assertThat(rejected).as("corruptions rejected").isGreaterThan(ROUNDS / 5);
    }

    private static void exercise(String text) throws FormatException {
        WolfBootConfig config = WolfBootConfig.parse("mutant.config", text);
        config.entries();
        PartitionLayout l = config.layout();
        l.toMap();
        l.wolfBootArea();
        l.lastWolfBootSector();
        l.entryPoint();
        for (Trailer t : List.of(l.bootTrailer(), l.updateTrailer())) {
            t.sectorFlagAddress(t.partitionSectors() - 1);
            t.magicAddress();
        }
        for (long address : new long[] {0x08040000L, 0x08060000L, 0x0C060000L, 0L, -1L, Long.MAX_VALUE}) {
            AddressCheck.applicationImage(l, address);
            AddressCheck.updateImage(l, address);
        }
        for (int bank = 0; bank <= 3; bank++) {
            AddressCheck.secureWatermark(l, bank, 0, 0x1F);
            AddressCheck.secureWatermark(l, bank, 1, 0);
        }
    }

    private static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int op = r.nextInt(11);
        int pos = text.isEmpty() ? 0 : r.nextInt(text.length());
        int line = r.nextInt(lines.size());
        switch (op) {
            case 0:
                return text.isEmpty() ? text : text.substring(0, pos) + text.substring(pos + 1);
            case 1:
                return text.substring(0, pos) + CHARS.charAt(r.nextInt(CHARS.length())) + text.substring(pos);
            case 2:
                return text.isEmpty() ? text
                        : text.substring(0, pos) + CHARS.charAt(r.nextInt(CHARS.length())) + text.substring(pos + 1);
            case 3:
                lines.remove(line);
                break;
            case 4:
                lines.add(line, lines.get(line));
                break;
            case 5:
                int other = r.nextInt(lines.size());
                String tmp = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, tmp);
                break;
            case 6:
                String l = lines.get(line);
                int eq = l.indexOf('=');
                if (eq >= 0) {
                    lines.set(line, l.substring(0, eq + 1) + value(r));
                }
                break;
            case 7:
                return text.substring(0, pos);
            case 8:
                lines.add(r.nextInt(lines.size() + 1),
                        KEYS[r.nextInt(KEYS.length)] + OPERATORS[r.nextInt(OPERATORS.length)] + value(r));
                break;
            default:
                // An override at the end reaches the layout checks instead of stopping at the parser.
                lines.add(KEYS[r.nextInt(KEYS.length)] + "=" + value(r));
                break;
        }
        return String.join("\n", lines);
    }

    private static String value(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> "0x" + Long.toHexString(r.nextInt() & 0xFFFFFFFFL).toUpperCase();
            case 1 -> Integer.toString(r.nextInt(20_000));
            default -> VALUES[r.nextInt(VALUES.length)];
        };
    }
}
