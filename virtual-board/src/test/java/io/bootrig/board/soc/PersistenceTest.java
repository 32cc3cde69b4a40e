package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;
import static io.bootrig.board.soc.FlashScript.NS;
import static io.bootrig.board.soc.FlashScript.S;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.board.bus.BusFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    @TempDir
    Path directory;

    @Test
    void aNewBoardHasFactoryStateAndIsWrittenOut() throws IOException {
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            assertThat(soc.optionBytes()).isEqualTo(OptionByteValues.factory());
            assertThat(soc.readFlash(0x0800_0000L, Stm32h563.FLASH_SIZE)).containsOnly(0xFF);
            assertThat(soc.readOtp(0, Stm32h563.OTP_SIZE)).containsOnly(0xFF);
            assertThat(soc.storageDirectory()).contains(directory);
        }
        assertThat(Files.readString(directory.resolve("format"))).isEqualTo("bootrig-stm32h563-nvm 1\n");
        assertThat(Files.readString(directory.resolve("option-bytes.properties"))).contains("OPTSR2=0xC300007C");
        assertThat(Files.size(directory.resolve("otp.nvm"))).isEqualTo(2048 + 128);
        assertThat(Files.exists(directory.resolve("identity.properties"))).isTrue();
    }

    @Test
    void flashOtpAndOptionBytesSurviveCloseAndReopen() throws IOException, BusFault {
        byte[] uid;
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            uid = soc.uniqueId();
            DebugProbe probe = DebugProbe.secure(soc);
            FlashScript flash = new FlashScript(probe, false);
            flash.programQuadWord(0x0800_0000L, 0x1111_1111, 0x2222_2222, 0x3333_3333, 0x4444_4444);
            flash.programQuadWord(0x081F_FFF0L, 5, 6, 7, 8);
            flash.programOtp(0x08FF_F000L, 0x4F57);
            flash.programOtp(0x08FF_F7C0L, 0xABCD);
            flash.programOtp(0x08FF_F100L, 0x5678);
            flash.optionWrite(OTPBLR_PRG, 0x8000_0001);
            flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
        }

        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            DebugProbe probe = DebugProbe.secure(soc);
            assertThat(soc.uniqueId()).isEqualTo(uid);
            assertThat(soc.banksSwapped()).as("SWAP_BANK applies at the power-on").isTrue();
            assertThat(soc.readFlashBank(1, 0, 4)).containsExactly(0x11, 0x11, 0x11, 0x11);
            assertThat(soc.readFlashBank(2, 0xFFFF0, 4)).containsExactly(5, 0, 0, 0);
            assertThat(probe.mdw(0x0810_0000L)).isEqualTo(0x1111_1111L);
            assertThat(probe.mdh(0x08FF_F000L)).isEqualTo(0x4F57);
            assertThat(probe.mdh(0x08FF_F7C0L)).isEqualTo(0xABCD);
            assertThat(probe.mdw(NS + OTPBLR_CUR)).isEqualTo(0x8000_0001L);

            FlashScript flash = new FlashScript(probe, false);
            assertThat(flash.programQuadWord(0x0810_0000L, 0, 0, 0, 0)).as("still programmed").isEqualTo(SR_STRBERR);
            flash.clearErrors();
            assertThat(flash.programOtp(0x08FF_F100L, 0)).as("still written once").isEqualTo(SR_STRBERR);
            flash.clearErrors();
            assertThat(flash.programOtp(0x08FF_F002L, 0)).as("block 0 still locked").isEqualTo(SR_WRPERR);
        }
    }

    @Test
    void stateIsSavedAtEachOperationWithoutClose() throws IOException, BusFault {
        Path crashed = directory.resolve("crashed");
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory.resolve("board"))) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.programQuadWord(0x0800_2000L, 7, 7, 7, 7);
            flash.eraseSector(1, 1);
            flash.programQuadWord(0x0800_2010L, 8, 8, 8, 8);
            flash.programOtp(0x08FF_F010L, 0x1234);
            flash.optionWrite(NS, OPTSR_PRG, 0x8000_0000, 0x8000_0000);
            // what a process killed now leaves behind
            copyTree(directory.resolve("board"), crashed);
        }

        try (Stm32h563 copy = Stm32h563.openOrCreate(crashed)) {
            assertThat(copy.readFlashBank(1, 0x2000, 1)).containsExactly(0xFF);
            assertThat(copy.readFlashBank(1, 0x2010, 1)).containsExactly(8);
            assertThat(copy.readOtp(0x10, 2)).containsExactly(0x34, 0x12);
            assertThat(copy.optionBytes().swapBank()).isTrue();
        }
    }

    @Test
    void anIncompleteLastJournalFrameIsIgnored() throws IOException, BusFault {
        Path crashed = directory.resolve("crashed");
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory.resolve("board"))) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.programQuadWord(0x0800_0000L, 1, 1, 1, 1);
            flash.programQuadWord(0x0800_0010L, 2, 2, 2, 2);
            copyTree(directory.resolve("board"), crashed);
        }
        Path journal = crashed.resolve("journal.nvm");
        byte[] frames = Files.readAllBytes(journal);
        Files.write(journal, java.util.Arrays.copyOf(frames, frames.length - 5));

        try (Stm32h563 soc = Stm32h563.openOrCreate(crashed)) {
            assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(1);
            assertThat(soc.readFlash(0x0800_0010L, 1)).containsExactly(0xFF);
        }
        assertThat(Files.size(journal)).as("compacted at load").isZero();
    }

    @Test
    void aDirectoryServesOneBoardAtATime() throws IOException {
        Stm32h563 first = Stm32h563.openOrCreate(directory);
        assertThatThrownBy(() -> Stm32h563.openOrCreate(directory)).isInstanceOf(IOException.class)
                .hasMessageContaining("in use");
        first.close();
        Stm32h563.openOrCreate(directory).close();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }

    @Test
    void erasedSectorsHaveNoFileAndNoTemporaryFilesRemain() throws IOException, BusFault {
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.programQuadWord(0x0800_2000L, 7, 7, 7, 7);
            flash.programQuadWord(0x0810_4000L, 7, 7, 7, 7);
        }
        assertThat(directory.resolve("bank1/sector-001.nvm")).exists().hasSize(8192 + 128);
        assertThat(directory.resolve("bank2/sector-002.nvm")).exists();
        assertThat(directory.resolve("journal.nvm")).isEmptyFile();

        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.eraseSector(1, 1);
            flash.massErase();
        }
        assertThat(directory.resolve("bank1/sector-001.nvm")).doesNotExist();
        assertThat(directory.resolve("bank2/sector-002.nvm")).doesNotExist();
        try (Stream<Path> files = Files.walk(directory)) {
            assertThat(files.filter(path -> path.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void trustZoneStateSurvivesAndTheBoardBootsSecure() throws IOException, BusFault {
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.optionWrite(NS, OPTSR2_PRG, 0xB400_0000, 0xFF00_0000);
            soc.systemReset("TZEN");
            flash.optionWrite(S, SECWM1R_PRG, 0x002F_0000, 0xFFFF_FFFF);
        }
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            assertThat(soc.trustZoneEnabled()).isTrue();
            assertThat(soc.bootVectorTable()).isEqualTo(0x0C00_0000L);
            assertThat(soc.optionBytes().secureWatermarkEnd(1)).isEqualTo(0x2F);
        }
    }

    @Test
    void anOverprogrammedQuadWordStaysEccCorrupt() throws IOException, BusFault {
        Stm32h563.Builder builder = Stm32h563.builder().directory(directory).overprogramPolicy(OverprogramPolicy.AND_WITH_ECC_ERROR);
        try (Stm32h563 soc = builder.build()) {
            FlashScript flash = new FlashScript(DebugProbe.secure(soc), false);
            flash.programQuadWord(0x0800_0000L, 1, 1, 1, 1);
            flash.programQuadWord(0x0800_0000L, 2, 2, 2, 2);
        }
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            assertThat(DebugProbe.secure(soc).mdw(0x0800_0000L)).isZero();
            assertThat(soc.flashDoubleEccErrorPending()).isTrue();
        }
    }

    @Test
    void aGivenUniqueIdIsKeptAndAMismatchIsRefused() throws IOException {
        byte[] uid = "board-sim-01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Stm32h563.builder().directory(directory).uniqueId(uid).build().close();
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            assertThat(soc.uniqueId()).isEqualTo(uid);
        }
        assertThatThrownBy(() -> Stm32h563.builder().directory(directory).uniqueId(new byte[12]).build())
                .isInstanceOf(IOException.class).hasMessageContaining("another unique ID");
    }

    @Test
    void aDamagedStoreIsReportedWithTheFileName() throws IOException, BusFault {
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            new FlashScript(DebugProbe.secure(soc), false).programQuadWord(0x0800_0000L, 1, 1, 1, 1);
        }
        Files.write(directory.resolve("bank1/sector-000.nvm"), new byte[100]);
        assertThatThrownBy(() -> Stm32h563.openOrCreate(directory)).isInstanceOf(IOException.class)
                .hasMessageContaining("sector-000.nvm").hasMessageContaining("100 bytes");
    }

    @Test
    void aForeignDirectoryIsNotTakenOver() throws IOException {
        Files.writeString(directory.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Stm32h563.openOrCreate(directory)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a board directory");
    }

    @Test
    void aLeftoverTemporaryFileIsIgnored() throws IOException, BusFault {
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            new FlashScript(DebugProbe.secure(soc), false).programQuadWord(0x0800_0000L, 1, 1, 1, 1);
        }
        Files.write(directory.resolve("bank1/sector-000.nvm.tmp"), new byte[3]);
        try (Stm32h563 soc = Stm32h563.openOrCreate(directory)) {
            assertThat(soc.readFlash(0x0800_0000L, 1)).containsExactly(1);
        }
        assertThat(directory.resolve("bank1/sector-000.nvm.tmp")).doesNotExist();
    }
}
