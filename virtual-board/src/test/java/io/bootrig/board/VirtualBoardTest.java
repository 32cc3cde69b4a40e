package io.bootrig.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.debug.CoreRunState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VirtualBoardTest {
    @TempDir
    Path tmp;

    @Test
    void theCoreBootsFromTheSocsVectorTableAndTheBoardKeepsItsState() throws Exception {
        try (VirtualBoard board = VirtualBoard.persistent(tmp.resolve("board"))) {
            assertThat(board.debugPort()).isPositive();
            assertThat(board.soc().read(0x44024000L, 4, BusAccess.debugSecure("test")) & 0xFFF).isEqualTo(0x484);
            assertThat(board.debug().core().runState()).isIn(CoreRunState.RUNNING, CoreRunState.HALTED);
            board.powerCycle();
        }
        try (VirtualBoard again = VirtualBoard.persistent(tmp.resolve("board"))) {
            assertThat(again.soc().readOtp(0, 2048)).hasSize(2048);
        }
    }
}
