package io.bootrig.rig.console;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test app's {@code info} output (wolfBoot test-app/app_stm32h5.c {@code cmd_info}):
 * <pre>
 * System information
 * ====================================
 * Flash banks are not swapped.
 * Firmware version : 0x1
 * Current firmware state: NEW
 * No image in update partition.            (or: Candidate|Backup firmware version : 0x2, Update state: ..., and
 *                                           'reboot' to initiate update. | Update image older than current.)
 *
 * Bootloader OTP keystore information      (or "Signing disabled (SIGN=NONE)")
 * ====================================
 * Number of public keys: 2
 *
 *   Public Key #0: size 60, type 9, mask ffffffff
 *   ====================================
 *   \t00 00 00 02 ...
 * </pre>
 * Also accepted, as other wolfBoot test apps print them: LF line ends, no bank line, "Boot partition version: 1" /
 * "Update partition version: 2" (decimal), "Bootloader keystore information", state names SUCCESS and UNKNOWN.
 */
public record SystemInfo(Optional<Boolean> banksSwapped, long firmwareVersion, PartitionState bootState,
        Optional<UpdateImage> update, Optional<KeystoreInfo> keystore) {

    private static final Pattern BANKS = Pattern.compile("Flash banks are (not )?swapped\\.");
    private static final Pattern FIRMWARE_HEX = Pattern.compile("Firmware version\\s*:\\s*0x([0-9a-fA-F]+)");
    private static final Pattern FIRMWARE_DEC = Pattern.compile("Boot partition version\\s*:\\s*(\\d+)");
    private static final Pattern BOOT_STATE = Pattern.compile("Current firmware state\\s*:\\s*(.+)");
    private static final Pattern UPDATE_HEX = Pattern.compile("(Candidate|Backup) firmware version\\s*:\\s*0x([0-9a-fA-F]+)");
    private static final Pattern UPDATE_DEC = Pattern.compile("Update partition version\\s*:\\s*(\\d+)");
    private static final Pattern UPDATE_STATE = Pattern.compile("Update state\\s*:\\s*(.+)");
    private static final Pattern KEYSTORE_TITLE = Pattern.compile("Bootloader (?:OTP )?keystore information");
    private static final Pattern KEY_COUNT = Pattern.compile("Number of public keys\\s*:\\s*(\\d+)");
    private static final Pattern KEY = Pattern.compile(
            "Public Key #(\\d+)\\s*:\\s*size (\\d+), type ([0-9a-fA-F]+), mask ([0-9a-fA-F]+)");
    private static final Pattern HEX_LINE = Pattern.compile("(?:[0-9a-fA-F]{2}\\s+)*[0-9a-fA-F]{2}");

    /** Parses the output of {@code info} (the text between the echo and the next prompt, or a longer text holding it). */
    public static SystemInfo parse(String text) throws UnexpectedOutputException {
        String[] lines = text.split("\\r\\n|\\n|\\r", -1);
        int i = indexOf(lines, "System information", 0);
        if (i < 0) {
            throw new UnexpectedOutputException("no 'System information' line in the info output: \"" + excerpt(text) + "\"");
        }
        Boolean swapped = null;
        Long firmware = null;
        PartitionState boot = null;
        Long updateVersion = null;
        UpdateImage.Role role = UpdateImage.Role.UNSPECIFIED;
        PartitionState updateState = null;
        Boolean rebootUpdates = null;
        boolean noUpdate = false;
        KeystoreInfo keystore = null;
        for (i = i + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher m;
            if ((m = BANKS.matcher(line)).matches()) {
                swapped = m.group(1) == null;
            } else if ((m = FIRMWARE_HEX.matcher(line)).matches()) {
                firmware = version(m.group(1), 16, line);
            } else if ((m = FIRMWARE_DEC.matcher(line)).matches()) {
                firmware = version(m.group(1), 10, line);
            } else if ((m = BOOT_STATE.matcher(line)).matches()) {
                boot = state(m.group(1), line);
            } else if ((m = UPDATE_HEX.matcher(line)).matches()) {
                role = m.group(1).equals("Candidate") ? UpdateImage.Role.CANDIDATE : UpdateImage.Role.BACKUP;
                updateVersion = version(m.group(2), 16, line);
            } else if ((m = UPDATE_DEC.matcher(line)).matches()) {
                updateVersion = version(m.group(1), 10, line);
            } else if ((m = UPDATE_STATE.matcher(line)).matches()) {
                updateState = state(m.group(1), line);
            } else if (line.equals("'reboot' to initiate update.")) {
                rebootUpdates = true;
            } else if (line.equals("Update image older than current.")) {
                rebootUpdates = false;
            } else if (line.equals("No image in update partition.")) {
                noUpdate = true;
            } else if (KEYSTORE_TITLE.matcher(line).matches()) {
                keystore = keystore(lines, i, line);
                break;
            } else if (line.startsWith("Signing disabled")) {
                break;
            }
        }
        if (firmware == null) {
            throw new UnexpectedOutputException("the info output has no 'Firmware version : 0x...' (or 'Boot partition "
                    + "version: N') line: \"" + excerpt(text) + "\"");
        }
        if (boot == null) {
            throw new UnexpectedOutputException("the info output has no 'Current firmware state: ...' line: \""
                    + excerpt(text) + "\"");
        }
        Optional<UpdateImage> update = noUpdate || updateVersion == null || updateVersion == 0 ? Optional.empty()
                : Optional.of(new UpdateImage(updateVersion, role, Optional.ofNullable(updateState),
                        Optional.ofNullable(rebootUpdates)));
        return new SystemInfo(Optional.ofNullable(swapped), firmware, boot, update, Optional.ofNullable(keystore));
    }

    private static KeystoreInfo keystore(String[] lines, int titleAt, String title) throws UnexpectedOutputException {
        Integer count = null;
        List<PublicKeyInfo> keys = new ArrayList<>();
        int[] header = null;
        long mask = 0;
        StringBuilder hex = new StringBuilder();
        for (int i = titleAt + 1; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            Matcher m;
            if (count == null && (m = KEY_COUNT.matcher(line)).matches()) {
                count = OutputNumbers.parseInt(m.group(1), 10, "'" + line + "'");
            } else if ((m = KEY.matcher(line)).matches() || i == lines.length) {
                if (header != null) {
                    keys.add(key(header, mask, hex));
                }
                if (i < lines.length) {
                    String field = "'" + line + "'";
                    header = new int[] {OutputNumbers.parseInt(m.group(1), 10, field + " key number"),
                        OutputNumbers.parseInt(m.group(2), 10, field + " size"),
                        OutputNumbers.parseInt(m.group(3), 16, field + " type")};
                    mask = OutputNumbers.parse(m.group(4), 16, OutputNumbers.U32_MAX, field + " mask");
                    hex.setLength(0);
                }
            } else if (header != null && HEX_LINE.matcher(line).matches()) {
                hex.append(line.replaceAll("\\s+", ""));
            }
        }
        if (count == null) {
            throw new UnexpectedOutputException("the keystore part of the info output has no 'Number of public keys: N' line");
        }
        if (count != keys.size()) {
            throw new UnexpectedOutputException("the info output says 'Number of public keys: " + count + "' but lists "
                    + keys.size() + " keys");
        }
        return new KeystoreInfo(title, keys);
    }

    private static PublicKeyInfo key(int[] header, long mask, StringBuilder hex) throws UnexpectedOutputException {
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != header[1]) {
            throw new UnexpectedOutputException("Public Key #" + header[0] + ": size " + header[1] + " but the dump has "
                    + bytes.length + " bytes");
        }
        return new PublicKeyInfo(header[0], header[1], header[2], mask, hex.toString().toLowerCase(java.util.Locale.ROOT));
    }

    /** A firmware version: wolfBoot's is a u32. */
    private static long version(String digits, int radix, String line) throws UnexpectedOutputException {
        return OutputNumbers.parse(digits, radix, OutputNumbers.U32_MAX, "the info output's '" + line + "'");
    }

    private static PartitionState state(String name, String line) throws UnexpectedOutputException {
        return PartitionState.byName(name).orElseThrow(() -> new UnexpectedOutputException(
                "unknown partition state in '" + line + "' (expected NEW, UPDATING, FFLAGS, TESTING, CONFIRMED or "
                        + "[Invalid state])"));
    }

    private static int indexOf(String[] lines, String wanted, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String excerpt(String text) {
        return Escapes.text(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
