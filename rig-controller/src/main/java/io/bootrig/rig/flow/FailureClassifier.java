package io.bootrig.rig.flow;

import io.bootrig.rig.console.ExpectTimeoutException;
import io.bootrig.rig.console.UnexpectedOutputException;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.openocd.TclErrorException;
import io.bootrig.rig.sim.VirtualBoardUnavailableException;
import io.bootrig.rig.stm32h5.TargetOperationException;
import io.bootrig.rig.xmodem.XmodemException;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;

/** Who has to act on an exception a step did not classify itself. */
final class FailureClassifier {
    private FailureClassifier() {}

    static FailureKind classify(Throwable t) {
        if (t instanceof StepFailure f) {
            return f.kind();
        }
        if (t instanceof FormatException) {
            return FailureKind.INPUT;
        }
        // the board answered, but not as the firmware should
        if (t instanceof ExpectTimeoutException || t instanceof UnexpectedOutputException || t instanceof XmodemException) {
            return FailureKind.PRODUCT;
        }
        if (t instanceof OpenOcdException || t instanceof TclErrorException || t instanceof TargetOperationException
                || t instanceof LinkUnavailableException || t instanceof LinkLostException
                || t instanceof VirtualBoardUnavailableException || t instanceof IOException
                || t instanceof InterruptedException) {
            return FailureKind.INFRASTRUCTURE;
        }
        return FailureKind.INFRASTRUCTURE;
    }

    /** One line: the exception's own message, or its type when it has none. */
    static String message(Throwable t) {
        if (t instanceof ExpectTimeoutException e) {
            return e.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
