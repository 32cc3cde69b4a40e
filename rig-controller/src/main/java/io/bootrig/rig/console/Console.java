package io.bootrig.rig.console;

import io.bootrig.rig.console.TranscriptEntry.Mode;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.link.LinkOpener;
import io.bootrig.rig.link.LinkUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A board's UART console: one reader thread moves every received byte into the transcript and a buffer; callers
 * {@link #expect} patterns in that buffer, {@link #send} lines and run test-app {@link #command}s. Bytes are read as
 * ISO-8859-1, so one byte is one char and patterns work on partial lines and binary noise alike.
 *
 * <p>Hand-over to a byte protocol (XMODEM): {@link #asByteLink()} returns a {@link ByteLink} that reads from the same
 * buffer and writes to the same link, with every byte still in the transcript (as binary). While that view is open it
 * is the only consumer: expect, send and command throw {@link IllegalStateException}. Bytes the view does not read stay
 * in the buffer for the next expect after the view is closed.
 *
 * <p>A lost link (device gone, server closed) ends the reader; waiting calls then throw {@link LinkLostException}.
 * {@link #reconnect} opens the endpoint again within a bounded wait. {@link #close} stops the reader and closes the
 * link; it does not close the transcript, which belongs to the caller.
 */
public final class Console implements AutoCloseable {
    /** The STM32H5 test application's prompt; it prints "\r\n" before it. */
    public static final String PROMPT = "cmd> ";
    private static final Pattern PROMPT_AFTER_OUTPUT = Pattern.compile(Pattern.quote("\r\n" + PROMPT));
    private static final byte[] LINE_END = {'\r'};
    private static final Duration READ_POLL = Duration.ofMillis(100);
    private static final long STOP_WAIT_MS = 5_000;

    private final LinkEndpoint endpoint;
    private final Transcript transcript;
    private final ReceiveBuffer buffer = new ReceiveBuffer();
    private final Object writeLock = new Object();
    private volatile ByteLink link;
    private volatile Reader reader;
    private volatile ConsoleByteLink view;
    private volatile boolean closed;

    private Console(ByteLink link, LinkEndpoint endpoint, Transcript transcript) {
        this.link = link;
        this.endpoint = endpoint;
        this.transcript = transcript;
        transcript.marker("console opened: " + link.describe());
        startReader();
    }

    /** Opens the console on {@code endpoint}, waiting up to {@code maxWait} for the port to be there. */
    public static Console open(LinkEndpoint endpoint, Duration maxWait, Transcript transcript) throws LinkUnavailableException {
        return new Console(LinkOpener.openWithin(endpoint, maxWait), endpoint, transcript);
    }

    /** A console over a link that is already open (it cannot {@link #reconnect}); the console owns the link now. */
    public static Console over(ByteLink link, Transcript transcript) {
        return new Console(link, null, transcript);
    }

    /** Waits for {@code pattern} in what was received and not yet consumed; consumes through the end of the match. */
    public ConsoleMatch expect(Pattern pattern, Duration timeout) throws IOException, ExpectTimeoutException {
        requireTextMode("expect");
        return buffer.awaitMatch(pattern, timeout, describe());
    }

    /** Waits for {@code literal} text. */
    public ConsoleMatch expect(String literal, Duration timeout) throws IOException, ExpectTimeoutException {
        return expect(Pattern.compile(Pattern.quote(literal)), timeout);
    }

    /** Sends {@code line} and the test app's line end (CR). */
    public void send(String line) throws IOException {
        requireTextMode("send");
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        byte[] withEnd = new byte[bytes.length + LINE_END.length];
        System.arraycopy(bytes, 0, withEnd, 0, bytes.length);
        System.arraycopy(LINE_END, 0, withEnd, bytes.length, LINE_END.length);
        write(withEnd, Mode.TEXT);
    }

    /**
     * Runs a test-app command: sends it, waits for its echo and then for the next prompt, and returns what the
     * command printed in between (without the echo line and without the "\r\n" that precedes the prompt).
     */
    public String command(String command, Duration timeout) throws IOException, ExpectTimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        send(command);
        expect(Pattern.compile(Pattern.quote(echoOf(command) + "\r\n")), timeout);
        return expect(PROMPT_AFTER_OUTPUT, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))).before();
    }

    /** The test app echoes printable ASCII only (32..126). */
    private static String echoOf(String command) {
        StringBuilder sb = new StringBuilder();
        command.chars().filter(c -> c >= 32 && c <= 126).forEach(c -> sb.append((char) c));
        return sb.toString();
    }

    /**
     * Drops what was received and not consumed yet (e.g. output from before a reset), so the next expect sees only
     * what comes after; the transcript keeps it all.
     */
    public int discardPending() {
        int n = buffer.discard();
        if (n > 0) {
            transcript.marker("discarded " + n + " unread bytes");
        }
        return n;
    }

    /** Adds a step marker to the transcript ("step: update to v2"); never put secrets in it. */
    public void marker(String text) {
        transcript.marker(text);
    }

    /** The byte view for a binary protocol, transcribed as binary; see the class comment for the hand-over. */
    public ByteLink asByteLink() {
        return asByteLink(Mode.BINARY);
    }

    /** The byte view, transcribed in {@code mode} (TEXT for a pass-through terminal). */
    public synchronized ByteLink asByteLink(Mode mode) {
        if (view != null) {
            throw new IllegalStateException("the console's byte view is already in use");
        }
        transcript.marker("byte view opened (" + mode.name().toLowerCase(java.util.Locale.ROOT) + ")");
        view = new ConsoleByteLink(this, mode);
        return view;
    }

    synchronized void viewClosed(ConsoleByteLink closing) {
        if (view == closing) {
            view = null;
            transcript.marker("byte view closed");
        }
    }

    int take(byte[] into, int offset, int length, Duration timeout) throws IOException {
        return buffer.take(into, offset, length, timeout);
    }

    void write(byte[] data, Mode mode) throws IOException {
        synchronized (writeLock) {
            transcript.sent(data, 0, data.length, mode);
            link.write(data);
        }
    }

    /**
     * Waits until nothing has been received for {@code quiet} (at most {@code max}); for a terminal that should show
     * the last output before it exits. True when the console went quiet.
     */
    public boolean awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        return buffer.awaitQuiet(quiet, max);
    }

    /** After a {@link LinkLostException}: opens the endpoint again, waiting up to {@code maxWait} for it to return. */
    public synchronized void reconnect(Duration maxWait) throws LinkUnavailableException {
        if (endpoint == null) {
            throw new IllegalStateException("this console was made over an open link and has no endpoint to reopen");
        }
        if (closed) {
            throw new IllegalStateException("the console is closed");
        }
        stopReader();
        link.close();
        transcript.marker("reconnecting: " + endpoint.describe() + " (waiting up to " + maxWait.toMillis() + " ms)");
        link = LinkOpener.openWithin(endpoint, maxWait);
        buffer.clearFailure();
        transcript.marker("link reopened: " + link.describe());
        startReader();
    }

    public String describe() {
        return link.describe();
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Stops the reader thread and closes the link; a caller still waiting in expect gets an IOException. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopReader();
        link.close();
        buffer.fail(new IOException(link.describe() + ": the console was closed"));
        transcript.marker("console closed");
    }

    private void requireTextMode(String what) {
        if (view != null) {
            throw new IllegalStateException("cannot " + what + " while the console's byte view is in use; close the view first");
        }
    }

    private void startReader() {
        reader = new Reader(link);
        reader.start();
    }

    private void stopReader() {
        Reader r = reader;
        if (r == null) {
            return;
        }
        r.stopping = true;
        try {
            r.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (r.isAlive()) {
            link.close(); // a read that ignores its timeout ends when the port closes
            try {
                r.join(STOP_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader = null;
    }

    /** The one thread that reads the link. */
    private final class Reader extends Thread {
        private final ByteLink source;
        volatile boolean stopping;

        Reader(ByteLink source) {
            super("console-reader " + source.describe());
            this.source = source;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] chunk = new byte[4096];
            try {
                while (!stopping) {
                    int n = source.read(chunk, 0, chunk.length, READ_POLL);
                    if (n > 0) {
                        ConsoleByteLink v = view;
                        transcript.received(chunk, 0, n, v == null ? Mode.TEXT : v.mode());
                        buffer.append(chunk, n);
                    }
                }
            } catch (IOException e) {
                if (!stopping) {
                    LinkLostException lost = e instanceof LinkLostException l ? l
                            : new LinkLostException(source.describe() + ": " + e.getMessage(), e);
                    transcript.marker("link lost: " + lost.getMessage());
                    buffer.fail(lost);
                }
            }
        }
    }

}
