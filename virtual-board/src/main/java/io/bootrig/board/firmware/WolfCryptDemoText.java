package io.bootrig.board.firmware;

/**
 * What the test application's {@code benchmark}, {@code test} and {@code pkcs11} print: short,
 * wolfCrypt-style stand-ins (the rates and steps are made up, not measured or run).
 */
final class WolfCryptDemoText {
    private static final String RULE = "-".repeat(78) + "\r\n";
    private static final String VERSION = RULE + " wolfSSL version 5.7.6\r\n" + RULE;

    static final String BENCHMARK = VERSION
            + "wolfCrypt Benchmark (block bytes 1024, min 1.0 sec each)\r\n"
            + "RNG                        250 KiB took 1.012 seconds,  247.036 KiB/s\r\n"
            + "AES-256-GCM-enc            900 KiB took 1.004 seconds,  896.414 KiB/s\r\n"
            + "AES-256-GCM-dec            900 KiB took 1.006 seconds,  894.632 KiB/s\r\n"
            + "SHA-256                      3 MiB took 1.001 seconds,    2.951 MiB/s\r\n"
            + "SHA3-384                   825 KiB took 1.019 seconds,  809.617 KiB/s\r\n"
            + "ECC   [      SECP256R1]   256  key gen        38 ops took 1.020 sec, avg 26.842 ms, 37.255 ops/sec\r\n"
            + "ECDSA [      SECP256R1]   256     sign        36 ops took 1.031 sec, avg 28.639 ms, 34.918 ops/sec\r\n"
            + "ECDSA [      SECP256R1]   256   verify        20 ops took 1.094 sec, avg 54.700 ms, 18.282 ops/sec\r\n"
            + "Benchmark complete\r\n";

    static final String TEST = VERSION
            + "error    test passed!\r\n"
            + "MEMORY   test passed!\r\n"
            + "base64   test passed!\r\n"
            + "SHA-256  test passed!\r\n"
            + "SHA-384  test passed!\r\n"
            + "SHA3     test passed!\r\n"
            + "HMAC     test passed!\r\n"
            + "AES-GCM  test passed!\r\n"
            + "RANDOM   test passed!\r\n"
            + "ECC      test passed!\r\n"
            + "logging  test passed!\r\n"
            + "mutex    test passed!\r\n"
            + "Test complete\r\n";

    static final String PKCS11 = "PKCS11 test in secure mode\r\n"
            + "C_Initialize: OK\r\n"
            + "C_OpenSession (slot 1): OK\r\n"
            + "C_Login (user): OK\r\n"
            + "C_GenerateKeyPair (ECC P-256): OK\r\n"
            + "C_Sign (ECDSA, SHA-256 digest): OK, 64-byte signature\r\n"
            + "C_Verify: OK\r\n"
            + "C_Logout: OK\r\n"
            + "C_CloseSession: OK\r\n"
            + "PKCS11 test: SUCCESS\r\n";

    private WolfCryptDemoText() {
    }
}
