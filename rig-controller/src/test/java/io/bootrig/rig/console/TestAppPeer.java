package io.bootrig.rig.console;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Plays the STM32H5 test application on the board's end of a link, byte for byte as app_stm32h5.c: banner, info and
 * "\r\ncmd> " at start; echo of printable chars; CR executes; backspace erases; prefix-matched commands in table order;
 * "Unknown command: ..." otherwise. Supports help, info, success and reboot; keys are those of the lms vectors' otp.bin.
 */
public final class TestAppPeer implements AutoCloseable {
    static final String KEY0 = "000000020000000500000004dcc00b51bb46062a0256547e807ac74266e295d88d612e5faf24932621a810d0929d088d47fccd1232b92139ba0fbc1d";
    static final String KEY1 = "000000020000000500000004afb7490a2d0a52c663a0f34b2a8e12a8c3f0e9bddc2ee340f8317bd8cd7b26ff9ede2a75706fb2010c8097e54a558dee";
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"help", "shows this help message"},
            new String[] {"info", "display information about the system and partitions"},
            new String[] {"success", "confirm a successful update"},
            new String[] {"pkcs11", "enable and test crypto calls with PKCS11 in secure mode"},
            new String[] {"random", "generate a random number"},
            new String[] {"timestamp", "print the current systick/timestamp"},
            new String[] {"benchmark", "run the wolfCrypt benchmark"},
            new String[] {"test", "run the wolfCrypt test"},
            new String[] {"update", "update the firmware via XMODEM"},
            new String[] {"reboot", "reboot the system"});

    private final ByteLink link;
    private final Thread thread;
    private final StringBuilder line = new StringBuilder();
    private volatile boolean stopping;
    private long version = 1;
    private String bootState = "NEW";

    private TestAppPeer(ByteLink link) {
        this.link = link;
        this.thread = new Thread(this::run, "test-app-peer");
        thread.setDaemon(true);
    }

    /** Starts the app on {@code link}: prints the banner, info and the prompt, then serves commands. */
    public static TestAppPeer boot(ByteLink link) {
        TestAppPeer peer = new TestAppPeer(link);
        peer.print(peer.banner() + peer.info() + "\r\ncmd> ");
        peer.thread.start();
        return peer;
    }

    String banner() {
        return bannerText(version);
    }

    String info() {
        return infoText(version, bootState);
    }

    /** The banner as the app prints it at start. */
    static String bannerText(long version) {
        return "========================\r\nSTM32H5 wolfBoot demo Application\r\nCopyright 2024 wolfSSL Inc\r\nGPL v3\r\n"
                + "Version : 0x" + Long.toHexString(version) + "\r\n========================\r\n";
    }

    /** cmd_info's output for a board with no update image and the lms vectors' OTP keystore. */
    static String infoText(long version, String bootState) {
        StringBuilder sb = new StringBuilder();
        sb.append("\r\nSystem information\r\n====================================\r\n");
        sb.append("Flash banks are not swapped.\r\n");
        sb.append("Firmware version : 0x").append(Long.toHexString(version)).append("\r\n");
        sb.append("Current firmware state: ").append(bootState).append("\r\n");
        sb.append("No image in update partition.\r\n");
        sb.append("\r\nBootloader OTP keystore information\r\n====================================\r\n");
        Map<Integer, String[]> keys = Map.of(0, new String[] {KEY0, "ffffffff"}, 1, new String[] {KEY1, "0000000e"});
        sb.append("Number of public keys: ").append(keys.size()).append("\r\n");
        for (int i = 0; i < keys.size(); i++) {
            byte[] key = HexFormat.of().parseHex(keys.get(i)[0]);
            sb.append("\r\n  Public Key #").append(i).append(": size ").append(key.length).append(", type 9, mask ")
                    .append(keys.get(i)[1]).append("\r\n  ====================================\r\n  ");
            for (int j = 0; j < key.length; j += 16) {
                sb.append('\t');
                for (int k = j; k < j + 16; k++) {
                    sb.append(k < key.length ? String.format("%02x ", key[k]) : "   ");
                }
                sb.append("\r\n");
            }
        }
        return sb.toString();
    }

    /** Writes raw bytes as the board (noise, partial lines). */
    public void emit(byte[] bytes) {
        try {
            link.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void print(String text) {
        emit(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void run() {
        byte[] buf = new byte[256];
        try {
            while (!stopping) {
                int n = link.read(buf, 0, buf.length, Duration.ofMillis(100));
                for (int i = 0; i < n; i++) {
                    typed(buf[i] & 0xFF);
                }
            }
        } catch (LinkLostException e) {
            // the rig's side went away: the board keeps quiet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void typed(int c) {
        if (c == '\r') {
            print("\r\n");
            String cmd = line.toString();
            line.setLength(0);
            execute(cmd);
        } else if (c == 0x08) {
            if (line.length() > 0) {
                line.setLength(line.length() - 1);
                print("\b \b");
            }
        } else if (c >= 32 && c <= 126 && line.length() < 255) {
            line.append((char) c);
            emit(new byte[] {(byte) c});
        }
    }

    private void execute(String cmd) {
        if (cmd.isEmpty()) {
            print("\r\ncmd> ");
            return;
        }
        String name = COMMANDS.stream().map(e -> e[0]).filter(cmd::startsWith).findFirst().orElse(null);
        if (name == null) {
            print("Unknown command: " + cmd + "\r\n");
        } else {
            switch (name) {
                case "help" -> COMMANDS.forEach(e -> print(e[0] + " : " + e[1] + "\r\n"));
                case "info" -> print(info());
                case "success" -> {
                    bootState = "CONFIRMED";
                    print("update success confirmed.\r\n");
                }
                case "reboot" -> {
                    print(banner() + info() + "\r\ncmd> ");
                    return;
                }
                default -> print("Unknown command: " + cmd + "\r\n");
            }
        }
        print("\r\ncmd> ");
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
