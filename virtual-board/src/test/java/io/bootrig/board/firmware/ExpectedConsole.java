package io.bootrig.board.firmware;

/** The test application's console text as wolfboot.md §f gives it, for the LMS vector keystore. */
final class ExpectedConsole {
    /** f.3's exact `info` output for a fresh board with vectors/lms/otp.bin and v1 only. */
    static final String INFO_V1_FRESH = "\r\nSystem information\r\n====================================\r\nFlash banks are not swapped.\r\nFirmware version : 0x1\r\nCurrent firmware state: NEW\r\nNo image in update partition.\r\n\r\nBootloader OTP keystore information\r\n====================================\r\nNumber of public keys: 2\r\n\r\n  Public Key #0: size 60, type 9, mask ffffffff\r\n  ====================================\r\n  \t00 00 00 02 00 00 00 05 00 00 00 04 dc c0 0b 51 \r\n\tbb 46 06 2a 02 56 54 7e 80 7a c7 42 66 e2 95 d8 \r\n\t8d 61 2e 5f af 24 93 26 21 a8 10 d0 92 9d 08 8d \r\n\t47 fc cd 12 32 b9 21 39 ba 0f bc 1d             \r\n\r\n  Public Key #1: size 60, type 9, mask 0000000e\r\n  ====================================\r\n  \t00 00 00 02 00 00 00 05 00 00 00 04 af b7 49 0a \r\n\t2d 0a 52 c6 63 a0 f3 4b 2a 8e 12 a8 c3 f0 e9 bd \r\n\tdc 2e e3 40 f8 31 7b d8 cd 7b 26 ff 9e de 2a 75 \r\n\t70 6f b2 01 0c 80 97 e5 4a 55 8d ee             \r\n";

    /** The keystore part of `info` (from the blank line before its title to the end). */
    static final String KEYSTORE_INFO = INFO_V1_FRESH.substring(INFO_V1_FRESH.indexOf("\r\n\r\nBootloader OTP") + 2);

    static final String PROMPT = "\r\ncmd> ";

    private ExpectedConsole() {
    }

    /** f.1's banner for a version, as printed once at start. */
    static String banner(int version) {
        return "========================\r\n"
                + "STM32H5 wolfBoot demo Application\r\n"
                + "Copyright 2024 wolfSSL Inc\r\n"
                + "GPL v3\r\n"
                + "Version : 0x" + Integer.toHexString(version) + "\r\n"
                + "========================\r\n";
    }

    /** What the console shows from reset to the first prompt on a fresh board running v1. */
    static String startV1Fresh() {
        return banner(1) + INFO_V1_FRESH + PROMPT;
    }
}
