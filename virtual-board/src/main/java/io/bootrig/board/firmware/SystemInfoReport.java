package io.bootrig.board.firmware;

/** The text of the test application's {@code info} command (cmd_info, app_stm32h5.c), "\r\n" line ends. */
final class SystemInfoReport {
    private static final String RULE = "====================================";
    private static final int DUMP_COLUMNS = 16;

    /**
     * @param banksSwapped  OPTSR_CUR.SWAP_BANK
     * @param bootVersion   the running image's version
     * @param bootState     the BOOT partition's state byte (NEW without a trailer)
     * @param updateVersion the UPDATE partition's version, 0 without an image
     * @param updateState   the UPDATE partition's state byte
     * @param keystore      the keys as the keystore_* calls report them
     */
    record Facts(boolean banksSwapped, long bootVersion, int bootState, long updateVersion, int updateState,
            OtpKeystore keystore) {
    }

    private SystemInfoReport() {
    }

    static String text(Facts facts) {
        StringBuilder out = new StringBuilder();
        out.append("\r\nSystem information\r\n").append(RULE).append("\r\n");
        out.append("Flash banks are ").append(facts.banksSwapped() ? "" : "not ").append("swapped.\r\n");
        out.append(String.format("Firmware version : 0x%x\r\n", facts.bootVersion()));
        out.append("Current firmware state: ").append(PartitionState.name(facts.bootState())).append("\r\n");
        if (facts.updateVersion() != 0) {
            out.append(facts.updateState() == PartitionState.UPDATING ? "Candidate" : "Backup")
                    .append(String.format(" firmware version : 0x%x\r\n", facts.updateVersion()));
            out.append("Update state: ").append(PartitionState.name(facts.updateState())).append("\r\n");
            out.append(facts.updateVersion() > facts.bootVersion()
                    ? "'reboot' to initiate update.\r\n" : "Update image older than current.\r\n");
        } else {
            out.append("No image in update partition.\r\n");
        }
        out.append("\r\nBootloader OTP keystore information\r\n").append(RULE).append("\r\n");
        out.append(String.format("Number of public keys: %d\r\n", facts.keystore().slots().size()));
        int index = 0;
        for (OtpKeystore.Slot slot : facts.keystore().slots()) {
            out.append(String.format("\r\n  Public Key #%d: size %d, type %x, mask %08x\r\n", index++, slot.pubkeySize(),
                    slot.keyType(), slot.partIdMask()));
            out.append("  ").append(RULE).append("\r\n  ");
            out.append(hexDump(slot.key()));
        }
        return out.toString();
    }

    private static String hexDump(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int line = 0; line < bytes.length; line += DUMP_COLUMNS) {
            out.append('\t');
            for (int column = 0; column < DUMP_COLUMNS; column++) {
                int at = line + column;
                out.append(at < bytes.length ? String.format("%02x ", bytes[at] & 0xFF) : "   ");
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
