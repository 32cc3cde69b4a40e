package io.bootrig.board.firmware;

import io.bootrig.board.soc.FlashRegisters;
import io.bootrig.wolfboot.config.PartitionLayout;
import java.time.Duration;
import java.util.List;

/**
 * wolfBoot's STM32H5 test application (test-app/app_stm32h5.c), non-secure, started by wolfBoot:
 * boot LED on, banner, {@code info}, then the console loop (echo, backspace, prefix-matched
 * commands in table order). Its flash work goes through wolfBoot's secure services.
 */
final class TestApplication {
    private static final String BANNER_RULE = "========================\r\n";
    private static final int MAX_LINE = 255;
    private static final int BACKSPACE = 0x08;
    private static final Duration FOREVER = Duration.ofDays(365);

    private record Command(String name, String help, CommandAction action) {
    }

    @FunctionalInterface
    private interface CommandAction {
        void run(String line);
    }

    private final PartitionLayout layout;
    private final TestAppBehaviour behaviour;
    private final SecureServices secure;
    private Mcu mcu;
    private SerialConsole console;
    private List<Command> commands;

    TestApplication(PartitionLayout layout, TestAppBehaviour behaviour, SecureServices secure) {
        this.layout = layout;
        this.behaviour = behaviour;
        this.secure = secure;
    }

    void run(Mcu board) {
        this.mcu = board;
        if (behaviour.crashesAtBoot()) {
            throw mcu.hang(FirmwareKind.TEST_APP, "hard fault: crashed at boot (CRASHES_AT_BOOT=1)");
        }
        this.console = new SerialConsole(board);
        this.commands = List.of(
                new Command("help", "shows this help message", line -> help()),
                new Command("info", "display information about the system and partitions", line -> info()),
                new Command("success", "confirm a successful update", line -> success()),
                new Command("pkcs11", "enable and test crypto calls with PKCS11 in secure mode",
                        line -> console.print(WolfCryptDemoText.PKCS11)),
                new Command("random", "generate a random number", line -> random()),
                new Command("timestamp", "print the current systick/timestamp", line -> timestamp()),
                new Command("benchmark", "run the wolfCrypt benchmark",
                        line -> console.print(WolfCryptDemoText.BENCHMARK)),
                new Command("test", "run the wolfCrypt test", line -> console.print(WolfCryptDemoText.TEST)),
                new Command("update", "update the firmware via XMODEM", line -> update()),
                new Command("reboot", "reboot the system", line -> reboot()));
        mcu.activity(FirmwareKind.TEST_APP, "starting");
        mcu.led(Led.RED, true);
        console.start();
        console.print(BANNER_RULE);
        console.print("STM32H5 wolfBoot demo Application\r\n");
        console.print("Copyright 2024 wolfSSL Inc\r\n");
        console.print("GPL v3\r\n");
        console.printf("Version : 0x%x\r\n", secure.currentFirmwareVersion());
        console.print(BANNER_RULE);
        info();
        consoleLoop();
    }

    private void consoleLoop() {
        while (true) {
            console.print("\r\ncmd> ");
            mcu.activity(FirmwareKind.TEST_APP, "console");
            String line = readLine();
            if (!line.isEmpty()) {
                execute(line);
            }
        }
    }

    private String readLine() {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = console.read(FOREVER);
            if (c == '\r') {
                console.print("\r\n");
                return line.toString();
            }
            if (c >= 32 && c <= 126) {
                if (line.length() < MAX_LINE) {
                    line.append((char) c);
                    console.write(c);
                }
            } else if (c == BACKSPACE && line.length() > 0) {
                line.setLength(line.length() - 1);
                console.print("\b \b");
            }
        }
    }

    /** parse_cmd: the first command, in table order, that the line starts with. */
    private void execute(String line) {
        for (Command command : commands) {
            if (line.startsWith(command.name())) {
                command.action().run(line);
                return;
            }
        }
        console.printf("Unknown command: %s\r\n", line);
    }

    private void help() {
        for (Command command : commands) {
            console.printf("%s : %s\r\n", command.name(), command.help());
        }
    }

    private void info() {
        boolean swapped = (mcu.read32(FlashRegisters.BASE_NS + FlashRegisters.OPTSR_CUR, false) & 0x8000_0000L) != 0;
        console.print(SystemInfoReport.text(new SystemInfoReport.Facts(swapped, secure.currentFirmwareVersion(),
                secure.state(PartitionId.BOOT), secure.updateFirmwareVersion(), secure.state(PartitionId.UPDATE),
                secure.keystore())));
    }

    private void success() {
        if (!behaviour.neverConfirms()) {
            secure.success();
        }
        console.print("update success confirmed.\r\n");
    }

    private void random() {
        byte[] bytes = mcu.trng(4);
        long number = (bytes[0] & 0xFFL) | (bytes[1] & 0xFFL) << 8 | (bytes[2] & 0xFFL) << 16 | (bytes[3] & 0xFFL) << 24;
        console.printf("Today's lucky number: 0x%08X\r\n", number);
        console.print("Brought to you by wolfCrypt's DRBG fed by HW TRNG in Secure world\r\n");
    }

    private void timestamp() {
        long millis = mcu.millis();
        console.printf("Current timestamp: %d.%03d\r\n", millis / 1000, millis % 1000);
        console.printf("Current systick: %d\r\n", millis & 0xFFFF_FFFFL);
        console.printf("VTOR: 0x%08x\r\n", layout.entryPoint());
    }

    /** cmd_update_xmodem. */
    private void update() {
        mcu.activity(FirmwareKind.TEST_APP, "erasing the update partition");
        console.print("Erasing update partition...");
        secure.eraseUpdate(0, layout.partitionSize());
        console.print("Done.\r\n");
        console.print("Waiting for XMODEM transfer...\r\n");
        mcu.activity(FirmwareKind.TEST_APP, "xmodem: waiting");
        int result = new XmodemReceiver(mcu, console, secure, layout.headerSize()).receive();
        console.print("\r".repeat(10));
        console.printf("End of transfer. ret: %d\r\n", result);
        if (result != 0) {
            console.print("Transfer failed\r\n");
            return;
        }
        console.print("Transfer succeeded\r\n");
        long version = secure.updateFirmwareVersion();
        if (version == 0) {
            console.print("No valid image in update partition\r\n");
            return;
        }
        console.printf("New firmware version: 0x%x\r\n", version);
        console.print("Triggering update...\r\n");
        secure.updateTrigger();
        mcu.faultPoint(FaultPoint.UPDATE_TRIGGERED, version);
        console.print("Update written successfully. Reboot to apply.\r\n");
    }

    private void reboot() {
        throw mcu.systemReset("test-app reboot (AIRCR.SYSRESETREQ)");
    }
}
