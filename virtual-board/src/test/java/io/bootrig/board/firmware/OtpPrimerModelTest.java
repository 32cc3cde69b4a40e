package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bootrig.board.BoardProgrammer;
import io.bootrig.board.SerialClient;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.VirtualBoard;
import io.bootrig.board.soc.Stm32h563;
import io.bootrig.board.uart.LineSpeed;
import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OTP keystore primer (wolfboot.md c.5) at the bus level. */
class OtpPrimerModelTest {
    private static final int UDS = 0x7C0;

    private VirtualBoard board;
    private SerialClient console;

    @BeforeEach
    void flashThePrimer() throws Exception {
        board = VirtualBoard.builder().lineSpeed(LineSpeed.UNPACED).build();
        console = SerialClient.open(board.consoleAddress());
        board.powerOff();
        BoardProgrammer programmer = new BoardProgrammer(board);
        programmer.enableTrustZone();
        programmer.programSecure(0x0C00_0000L, TestFixtures.read(TestFixtures.virtualBoard("otp-primer-lms.bin")));
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        board.close();
    }

    @Test
    void writesTheVectorOtpImageExceptItsRandomUdsAndLoopsSilently() {
        board.powerOn();

        awaitState("done: keystore written, looping forever");
        byte[] vector = TestFixtures.read(TestFixtures.lmsVector("otp.bin"));
        byte[] otp = board.soc().readOtp(0, Stm32h563.OTP_SIZE);
        assertThat(Arrays.copyOf(otp, UDS)).isEqualTo(Arrays.copyOf(vector, UDS));
        assertThat(Arrays.copyOfRange(otp, UDS + 32, otp.length)).isEqualTo(Arrays.copyOfRange(vector, UDS + 32, vector.length));
        for (int offset = UDS; offset < UDS + 32; offset += 2) {
            assertThat(board.soc().isOtpProgrammed(offset)).as("UDS half-word at 0x%03X", offset).isTrue();
        }
        assertThat(board.soc().isOtpProgrammed(UDS + 32)).isFalse();
        assertThat(console.text()).isEmpty();
        assertThat(board.leds().snapshot()).doesNotContainValue(true);
    }

    @Test
    void overAnOtpProgrammedWithAnotherKeystoreItHangsAtTheFirstMismatchAndWritesNothingMore() throws Exception {
        byte[] other = TestFixtures.read(TestFixtures.root().resolve("fixtures/wolfboot/ecc256/otp.bin"));
        new BoardProgrammer(board).programOtp(other);

        board.powerOn();

        awaitState("hung: OTP read-back mismatch at 0x08FFF014 (wrote 0009 0000, read 0002 0000); OTP already programmed?");
        assertThat(board.soc().readOtp(0, Stm32h563.OTP_SIZE)).as("the header matched, the first key type did not")
                .isEqualTo(other);
        assertThat(console.text()).isEmpty();
    }

    @Test
    void runAgainOverItsOwnKeystoreItPassesTheKeysAndHangsAtTheNewUds() throws Exception {
        board.powerOn();
        awaitState("done: keystore written, looping forever");
        byte[] first = board.soc().readOtp(0, Stm32h563.OTP_SIZE);

        board.reset();

        awaitState(state -> state.startsWith("hung: OTP read-back mismatch at 0x08FFF7C0"));
        assertThat(board.soc().readOtp(0, Stm32h563.OTP_SIZE)).isEqualTo(first);
    }

    private void awaitState(String state) {
        awaitState(state::equals);
    }

    private void awaitState(Predicate<String> state) {
        await().atMost(SerialClient.WAIT).until(() -> state.test(board.firmware().state()));
        assertThat(board.firmware().model()).isEqualTo("otp-primer");
    }
}
