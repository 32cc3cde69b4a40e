package io.bootrig.rig.cli;

import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.openocd.TclErrorException;
import io.bootrig.rig.stm32h5.TargetOperationException;
import java.io.IOException;

/** A chip operation for a CLI command: what the debug port or the flash controller says becomes exit 3, named by board. */
final class TargetCall {
    interface Operation<T> {
        T run() throws OpenOcdException, TargetOperationException, TclErrorException, IOException;
    }

    private TargetCall() {}

    static <T> T run(String board, Operation<T> op) {
        try {
            return op.run();
        } catch (OpenOcdException | TargetOperationException | TclErrorException | IOException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, board + ": " + e.getMessage());
        }
    }
}
