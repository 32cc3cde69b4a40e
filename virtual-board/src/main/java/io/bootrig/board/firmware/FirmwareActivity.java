package io.bootrig.board.firmware;

/**
 * What the core is doing, as far as the firmware models know.
 *
 * @param model "none", "boot-rom", or a {@link FirmwareKind} label
 * @param state a short description: "console", "xmodem", "panic: …", "hung: …", "halted before boot"
 */
public record FirmwareActivity(String model, String state) {
    public static final String NONE = "none";
    public static final String BOOT_ROM = "boot-rom";

    static FirmwareActivity none(String state) {
        return new FirmwareActivity(NONE, state);
    }

    static FirmwareActivity of(FirmwareKind kind, String state) {
        return new FirmwareActivity(kind.label(), state);
    }
}
