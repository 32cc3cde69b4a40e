package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.BoardProgrammer;
import io.bootrig.board.SerialClient;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.VirtualBoard;
import io.bootrig.board.uart.LineSpeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WolfBootSmokeTest {
    @Test
    void bootsV1() throws Exception {
        try (VirtualBoard board = VirtualBoard.builder().lineSpeed(LineSpeed.UNPACED).xmodemTimeout(Duration.ofMillis(100)).build();
                SerialClient console = SerialClient.open(board.consoleAddress())) {
            BoardProgrammer.provisionLms(board, TestFixtures.read(TestFixtures.virtualBoard("image_v1_signed.bin")));
            int mark = console.size();
            board.reset();
            String out = console.awaitText(mark, "cmd> ");
            System.out.println(board.status().toJson());
            assertThat(out).isEqualTo(ExpectedConsole.startV1Fresh());
        }
    }
}
