package io.bootrig.board.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.LmsBoard;
import io.bootrig.board.TestFixtures;
import io.bootrig.board.XmodemSender;
import io.bootrig.board.uart.LineSpeed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console at its real speed, 115200 8N1: the same bytes as unpaced, and an XMODEM update gets through. */
class PacedConsoleTest {
    @Test
    void at115200BaudTheBannerAndAnUpdateCrossTheLineIntact() throws Exception {
        byte[] v2 = TestFixtures.read(TestFixtures.virtualBoard("image_v2_signed.bin"));
        try (LmsBoard board = LmsBoard.provisioned("image_v1_signed.bin", Duration.ofSeconds(1), LineSpeed.DEFAULT)) {
            assertThat(board.bootToPrompt()).isEqualTo(ExpectedConsole.startV1Fresh());

            int mark = board.console().size();
            board.console().send("update\r");
            board.console().awaitText(mark, "Waiting for XMODEM transfer...\r\n");
            new XmodemSender(board.console()).sendAll(v2);

            assertThat(board.console().awaitText(mark, "cmd> ")).endsWith("Update written successfully. Reboot to apply.\r\n"
                    + ExpectedConsole.PROMPT);
            assertThat(board.readFlash(LmsBoard.UPDATE, v2.length)).isEqualTo(v2);
        }
    }
}
