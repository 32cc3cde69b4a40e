package io.bootrig.rig.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParsersTest {
    /** shared/reference/wolfboot.md f.3: a fresh board with the lms vectors' otp.bin and v1 only. */
    static final String INFO_F3 = "\r\nSystem information\r\n====================================\r\nFlash banks are not swapped.\r\nFirmware version : 0x1\r\nCurrent firmware state: NEW\r\nNo image in update partition.\r\n\r\nBootloader OTP keystore information\r\n====================================\r\nNumber of public keys: 2\r\n\r\n  Public Key #0: size 60, type 9, mask ffffffff\r\n  ====================================\r\n  \t00 00 00 02 00 00 00 05 00 00 00 04 dc c0 0b 51 \r\n\tbb 46 06 2a 02 56 54 7e 80 7a c7 42 66 e2 95 d8 \r\n\t8d 61 2e 5f af 24 93 26 21 a8 10 d0 92 9d 08 8d \r\n\t47 fc cd 12 32 b9 21 39 ba 0f bc 1d             \r\n\r\n  Public Key #1: size 60, type 9, mask 0000000e\r\n  ====================================\r\n  \t00 00 00 02 00 00 00 05 00 00 00 04 af b7 49 0a \r\n\t2d 0a 52 c6 63 a0 f3 4b 2a 8e 12 a8 c3 f0 e9 bd \r\n\tdc 2e e3 40 f8 31 7b d8 cd 7b 26 ff 9e de 2a 75 \r\n\t70 6f b2 01 0c 80 97 e5 4a 55 8d ee             \r\n";

    static final String BANNER_CODE = "========================\r\nSTM32H5 wolfBoot demo Application\r\nCopyright 2024 wolfSSL Inc\r\nGPL v3\r\nVersion : 0x1\r\n========================\r\n";

    /** wolfBoot docs/flash-OTP.md step 12, as a terminal shows it. */
    static final String BANNER_DOCS = "========================\nSTM32H5 wolfBoot demo Application\nCopyright 2024 wolfSSL Inc\nGPL v3\nVersion : 0x1\n========================\n\ncmd> help\n";

    @Test
    void theScriptedPeerPrintsExactlyTheReferenceInfo() {
        assertThat(TestAppPeer.infoText(1, "NEW")).isEqualTo(INFO_F3);
        assertThat(TestAppPeer.bannerText(1)).isEqualTo(BANNER_CODE);
    }

    @Test
    void infoAsTheCurrentAppPrintsIt() throws Exception {
        SystemInfo info = SystemInfo.parse(INFO_F3);
        assertThat(info.banksSwapped()).contains(false);
        assertThat(info.firmwareVersion()).isEqualTo(1);
        assertThat(info.bootState()).isEqualTo(PartitionState.NEW);
        assertThat(info.update()).isEmpty();
        KeystoreInfo ks = info.keystore().orElseThrow();
        assertThat(ks.otp()).isTrue();
        assertThat(ks.keys()).hasSize(2);
        assertThat(ks.keys().get(0)).isEqualTo(new PublicKeyInfo(0, 60, 9, 0xffffffffL, TestAppPeer.KEY0));
        assertThat(ks.keys().get(1)).isEqualTo(new PublicKeyInfo(1, 60, 9, 0x0eL, TestAppPeer.KEY1));
        assertThat(ks.keys().get(1).key()).hasSize(60).startsWith(0, 0, 0, 2);
    }

    @Test
    void candidateUpdateAndSwappedBanks() throws Exception {
        String text = "System information\r\n====\r\nFlash banks are swapped.\r\nFirmware version : 0x2\r\n"
                + "Current firmware state: TESTING\r\nCandidate firmware version : 0x3\r\nUpdate state: UPDATING\r\n"
                + "'reboot' to initiate update.\r\n\r\nSigning disabled (SIGN=NONE)\r\n";
        SystemInfo info = SystemInfo.parse(text);
        assertThat(info.banksSwapped()).contains(true);
        assertThat(info.firmwareVersion()).isEqualTo(2);
        assertThat(info.bootState()).isEqualTo(PartitionState.TESTING);
        assertThat(info.update()).contains(new UpdateImage(3, UpdateImage.Role.CANDIDATE,
                Optional.of(PartitionState.UPDATING), Optional.of(true)));
        assertThat(info.keystore()).isEmpty();
    }

    @Test
    void backupImageOlderThanCurrent() throws Exception {
        String text = "System information\nFirmware version : 0x2\nCurrent firmware state: CONFIRMED\n"
                + "Backup firmware version : 0x1\nUpdate state: [Invalid state]\nUpdate image older than current.\n";
        SystemInfo info = SystemInfo.parse(text);
        assertThat(info.banksSwapped()).isEmpty();
        assertThat(info.bootState()).isEqualTo(PartitionState.CONFIRMED);
        assertThat(info.update()).contains(new UpdateImage(1, UpdateImage.Role.BACKUP,
                Optional.of(PartitionState.INVALID), Optional.of(false)));
    }

    @Test
    void otherTestAppWording() throws Exception {
        String text = "\r\nSystem information\r\n====================================\r\nBoot partition version: 4\r\n"
                + "Update partition version: 0\r\nCurrent firmware state: SUCCESS\r\nUpdate state: NEW\r\n\r\n"
                + "Bootloader keystore information\r\n====================================\r\nNumber of public keys: 1\r\n"
                + "\r\n  Public Key #0: size 4, type 1, mask 00000003\r\n  ====================================\r\n"
                + "  \tde ad be ef                                     \r\n";
        SystemInfo info = SystemInfo.parse(text);
        assertThat(info.firmwareVersion()).isEqualTo(4);
        assertThat(info.bootState()).isEqualTo(PartitionState.CONFIRMED);
        assertThat(info.update()).isEmpty();
        assertThat(info.keystore().orElseThrow().otp()).isFalse();
        assertThat(info.keystore().orElseThrow().keys()).containsExactly(new PublicKeyInfo(0, 4, 1, 3, "deadbeef"));
    }

    @Test
    void infoErrorsNameWhatIsMissing() {
        assertThatThrownBy(() -> SystemInfo.parse("Unknown command: info\r\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("System information");
        assertThatThrownBy(() -> SystemInfo.parse("System information\r\nCurrent firmware state: NEW\r\n"))
                .hasMessageContaining("Firmware version");
        assertThatThrownBy(() -> SystemInfo.parse("System information\r\nFirmware version : 0x1\r\n"
                + "Current firmware state: WEIRD\r\n")).hasMessageContaining("WEIRD");
        assertThatThrownBy(() -> SystemInfo.parse(INFO_F3.replace("Number of public keys: 2", "Number of public keys: 3")))
                .hasMessageContaining("says 'Number of public keys: 3' but lists 2");
        assertThatThrownBy(() -> SystemInfo.parse(INFO_F3.replace("bc 1d ", "")))
                .hasMessageContaining("Public Key #0: size 60 but the dump has 58 bytes");
    }

    @Test
    void bannerAsTheCodeAndAsTheDocsPrintIt() throws Exception {
        TestAppBanner code = TestAppBanner.parse("garbage\u0000\r\n" + BANNER_CODE + INFO_F3 + "\r\ncmd> ");
        assertThat(code).isEqualTo(new TestAppBanner("STM32H5 wolfBoot demo Application",
                java.util.List.of("Copyright 2024 wolfSSL Inc", "GPL v3"), 1));
        assertThat(TestAppBanner.parse(BANNER_DOCS)).isEqualTo(code);
        assertThat(TestAppBanner.parse(BANNER_CODE.replace("0x1", "0x1a2b")).version()).isEqualTo(0x1a2b);
        assertThatThrownBy(() -> TestAppBanner.parse("cmd> ")).isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("no test-app banner").hasMessageContaining("cmd> ");
    }

    @Test
    void updateReportInBothWordings() throws Exception {
        String current = "\r\r\r\r\r\r\r\r\r\rEnd of transfer. ret: 0\r\nTransfer succeeded\r\nNew firmware version: 0x2\r\n"
                + "Triggering update...\r\nUpdate written successfully. Reboot to apply.\r\n";
        String docs = "....\n\n\n\nEnd of transfer. ret: 0\nNew firmware version: 0x2\nTriggering update...\n"
                + "Update completed successfully.\n";
        UpdateReport expected = new UpdateReport(0, false, java.util.OptionalLong.of(2), true, true);
        assertThat(UpdateReport.parse(current)).isEqualTo(expected);
        assertThat(UpdateReport.parse(docs)).isEqualTo(expected);
        UpdateReport failed = UpdateReport.parse("\u0018\u0018Error writing to flash\r\nEnd of transfer. ret: -5\r\n"
                + "Transfer failed\r\nNo valid image in update partition\r\n");
        assertThat(failed.transferSucceeded()).isFalse();
        assertThat(failed.flashError()).isTrue();
        assertThat(failed.newVersion()).isEmpty();
        assertThat(failed.written()).isFalse();
        assertThatThrownBy(() -> UpdateReport.parse("Waiting for XMODEM transfer...\r\n"))
                .hasMessageContaining("End of transfer");
    }

    @Test
    void helpInBothWordings() throws Exception {
        HelpListing current = HelpListing.parse("help : shows this help message\r\ntimestamp : print the current systick/timestamp\r\n");
        HelpListing docs = HelpListing.parse("help : shows this help message\ntimestamp : print the current timestamp\n");
        assertThat(current.commands()).containsOnlyKeys("help", "timestamp");
        assertThat(docs.commands()).containsOnlyKeys("help", "timestamp");
        assertThatThrownBy(() -> HelpListing.parse("Unknown command: hlep\r\n")).hasMessageContaining("name : description");
    }


    // Found by fuzzing (SystemInfoFuzzTest, UpdateReportFuzzTest, TestAppBannerFuzzTest): their inputs are also in
    // src/test/resources/io/bootrig/rig/console/*FuzzTestInputs/, replayed by every build.

    @Test
    void numbersBeyondTheirFieldAreUnexpectedOutputNotACrash() {
        assertThatThrownBy(() -> SystemInfo.parse("System information\r\nBoot partition version: 2555555555555555555555\r\n"))
                .isInstanceOf(UnexpectedOutputException.class)
                .hasMessageContaining("'Boot partition version: 2555555555555555555555'").hasMessageContaining("at most 4294967295");
        assertThatThrownBy(() -> SystemInfo.parse("System information\nFirmware version : 0x100000000\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("at most 0xffffffff");
        assertThatThrownBy(() -> SystemInfo.parse(INFO_F3.replace("Number of public keys: 2", "Number of public keys: 99999999999")))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("Number of public keys: 99999999999");
        assertThatThrownBy(() -> SystemInfo.parse(INFO_F3.replace("mask 0000000e", "mask 1000000000e")))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("mask");
        assertThatThrownBy(() -> UpdateReport.parse("End of transfer. ret: 0\nNew firmware version: 0x11111111111111111\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("New firmware version");
        assertThatThrownBy(() -> UpdateReport.parse("End of transfer. ret: -2147483649\n"))
                .isInstanceOf(UnexpectedOutputException.class).hasMessageContaining("ret");
    }

    @Test
    void numbersAtTheEdgeOfTheirFieldStillParse() throws Exception {
        assertThat(SystemInfo.parse("System information\nFirmware version : 0xffffffff\nCurrent firmware state: NEW\n")
                .firmwareVersion()).isEqualTo(0xFFFFFFFFL);
        assertThat(UpdateReport.parse("End of transfer. ret: -2147483648\n").ret()).isEqualTo(Integer.MIN_VALUE);
        assertThat(UpdateReport.parse("End of transfer. ret: 2147483647\n").ret()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a guard: the old pattern did not finish on this at all
    void aBannerLineOfFormFeedsIsReadInOnePass() throws Exception {
        String formFeeds = "\f".repeat(120);
        String text = "===================\nSwolfBoot demo\nG" + formFeeds + "L v3\nVersion : 0x1\n========= help\n";
        assertThat(TestAppBanner.parse(text).notes()).containsExactly("G" + formFeeds + "L v3");
        assertThat(TestAppBanner.find("===================\nSwolfBoot demo\nG" + formFeeds + "\nVer\u00f3sion : 0x1\n"))
                .isEmpty();
    }
}
