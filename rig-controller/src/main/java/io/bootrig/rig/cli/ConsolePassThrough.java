package io.bootrig.rig.cli;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Keyboard to board and board to screen through the console's byte view (so the transcript keeps every byte). LF
 * from a line-buffered input becomes the CR the test app wants (CR LF becomes one CR). Ends on Ctrl-], on the end of
 * the input (after the board has been quiet for the drain time), or when the link is lost.
 */
final class ConsolePassThrough {
    static final int ESCAPE = 0x1D; // Ctrl-]
    private static final Duration POLL = Duration.ofMillis(100);

    enum End { ESCAPE, INPUT_ENDED, LINK_LOST }

    private final Console console;
    private final ByteLink view;
    private final InputStream keyboard;
    private final OutputStream screen;
    private final CompletableFuture<End> end = new CompletableFuture<>();
    private volatile boolean stopping;
    private volatile IOException failure;

    ConsolePassThrough(Console console, ByteLink view, InputStream keyboard, OutputStream screen) {
        this.console = console;
        this.view = view;
        this.keyboard = keyboard;
        this.screen = screen;
    }

    /** Runs until one of the ends; returns which. {@link #failure()} tells why when the link was lost. */
    End run(Duration drain) throws InterruptedException {
        Thread toScreen = new Thread(this::toScreen, "console-to-screen");
        Thread fromKeyboard = new Thread(this::fromKeyboard, "console-from-keyboard");
        fromKeyboard.setDaemon(true); // a blocked read of a terminal cannot be interrupted; the JVM exits past it
        toScreen.start();
        fromKeyboard.start();
        End how;
        try {
            how = end.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        if (how == End.INPUT_ENDED) {
            console.awaitQuiet(drain, drain.multipliedBy(20).plusSeconds(5));
        }
        stopping = true;
        toScreen.join();
        return failure != null ? End.LINK_LOST : how;
    }

    IOException failure() {
        return failure;
    }

    private void toScreen() {
        byte[] buf = new byte[4096];
        try {
            while (!stopping) {
                int n = view.read(buf, 0, buf.length, POLL);
                if (n > 0) {
                    screen.write(buf, 0, n);
                    screen.flush();
                }
            }
        } catch (LinkLostException e) {
            failure = e;
            end.complete(End.LINK_LOST);
        } catch (IOException e) {
            failure = e;
            end.complete(End.LINK_LOST);
        }
    }

    private void fromKeyboard() {
        byte[] in = new byte[1024];
        byte[] out = new byte[1024];
        boolean lastWasCr = false;
        try {
            while (!end.isDone()) {
                int n = keyboard.read(in);
                if (n < 0) {
                    end.complete(End.INPUT_ENDED);
                    return;
                }
                int count = 0;
                boolean escape = false;
                for (int i = 0; i < n && !escape; i++) {
                    int b = in[i] & 0xFF;
                    if (b == ESCAPE) {
                        escape = true;
                    } else if (b == '\n') {
                        if (!lastWasCr) {
                            out[count++] = '\r';
                        }
                        lastWasCr = false;
                    } else {
                        out[count++] = (byte) b;
                        lastWasCr = b == '\r';
                    }
                }
                if (count > 0) {
                    view.write(out, 0, count);
                }
                if (escape) {
                    end.complete(End.ESCAPE);
                    return;
                }
            }
        } catch (IOException e) {
            if (e instanceof LinkLostException) {
                failure = e;
                end.complete(End.LINK_LOST);
            } else {
                end.complete(End.INPUT_ENDED); // the keyboard failed: treat as its end
            }
        }
    }
}
