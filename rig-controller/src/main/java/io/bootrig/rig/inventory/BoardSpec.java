package io.bootrig.rig.inventory;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One board of the inventory (board-configs/boards/NAME.yaml).
 *
 * @param name           what --board and RIG_BOARD call it
 * @param kind           virtual or nucleo-h563zi
 * @param stlinkSerial   the ST-LINK's serial number (real boards), so OpenOCD opens the right probe
 * @param console        where the UART console is
 * @param openocd        the interface part of the OpenOCD configuration
 * @param power          how the rig switches its power
 * @param wolfbootConfig the wolfBoot .config its images are built with (absolute)
 * @param tags           free tags; {@code sacrificial: true} allows OTP writes without --confirm-otp
 * @param stateDirectory where a virtual board keeps its flash (absolute); empty for real boards
 * @param source         the YAML file it came from, for messages
 */
public record BoardSpec(String name, BoardKind kind, Optional<String> stlinkSerial, ConsoleSpec console,
        OpenOcdInterface openocd, PowerSpec power, Path wolfbootConfig, Map<String, String> tags,
        Optional<Path> stateDirectory, String source) {

    public BoardSpec {
        tags = Map.copyOf(tags);
    }

    /** Tagged {@code sacrificial: true}: its OTP (write-once) may be written without an explicit confirmation. */
    public boolean sacrificial() {
        return "true".equalsIgnoreCase(tags.getOrDefault("sacrificial", "false"));
    }

    public boolean isVirtual() {
        return kind == BoardKind.VIRTUAL;
    }
}
