package io.bootrig.rig.stm32h5;

import io.bootrig.board.VirtualBoard;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.openocd.OpenOcd;
import io.bootrig.rig.openocd.OpenOcdSettings;
import java.nio.file.Path;

/** A virtual board driven by the real OpenOCD with the board-configs files, for the STM32H5 operation tests. */
final class VirtualTarget implements AutoCloseable {
    final VirtualBoard board;
    final OpenOcd ocd;
    final Stm32h5 chip;

    private VirtualTarget(VirtualBoard board, OpenOcd ocd, Path work) {
        this.board = board;
        this.ocd = ocd;
        this.chip = new Stm32h5(ocd, work);
    }

    static VirtualTarget start(Path work) throws Exception {
        VirtualBoard board = VirtualBoard.inMemory();
        try {
            return new VirtualTarget(board, OpenOcd.start(settings(board.debugPort())), work);
        } catch (Exception e) {
            board.close();
            throw e;
        }
    }

    static OpenOcdSettings settings(int debugPort) {
        Path configs = TestEnvironment.root().resolve("board-configs/openocd");
        return OpenOcdSettings.of(TestEnvironment.openocd()).command("set VIRTUAL_BOARD_PORT " + debugPort)
                .file(configs.resolve("interface/virtual-board.cfg")).file(configs.resolve("target/stm32h5.cfg"))
                .file(configs.resolve("bootrig-stm32h5.tcl"));
    }

    @Override
    public void close() {
        try {
            ocd.close();
        } finally {
            board.close();
        }
    }
}
