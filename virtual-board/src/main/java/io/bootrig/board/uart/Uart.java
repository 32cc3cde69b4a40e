package io.bootrig.board.uart;

import java.util.concurrent.locks.LockSupport;

/**
 * USART3 and the line to the host: what the firmware transmits goes to the console endpoint, what
 * the host sends reaches the firmware's receive handler. Both directions are paced at the line
 * speed (a byte reaches the firmware when its stop bit would end; a firmware that writes faster
 * than the line waits, see {@link #reserveTransmit()}), and faults may corrupt
 * either direction, or lose or count the host's bytes.
 * Without a receive handler (USART not initialised, no firmware) received bytes are lost.
 */
public final class Uart implements HostBytes, AutoCloseable {
    private final ConsoleEndpoint console;
    private final LineSpeed speed;
    private final LinePacer transmitLine;
    private final LinePacer receiveLine;
    private volatile ReceiveHandler receiver;
    private volatile LineCorruption receiveCorruption;
    private volatile LineCorruption transmitCorruption;
    private volatile ByteDrop receiveDrop;
    private volatile ByteCountdown receiveCountdown;
    private volatile boolean closed;

    public Uart(ConsoleEndpoint console, LineSpeed speed) {
        this.console = console;
        this.speed = speed;
        this.transmitLine = new LinePacer(speed);
        this.receiveLine = new LinePacer(speed);
    }

    /** Starts taking host input from the console. */
    public void start() {
        console.start(this);
    }

    public LineSpeed speed() {
        return speed;
    }

    public ConsoleEndpoint console() {
        return console;
    }

    /** Reserves the transmit line for one byte: the System.nanoTime at which the firmware may hand it over. */
    public long reserveTransmit() {
        return transmitLine.reserve(System.nanoTime());
    }

    /** Bytes the firmware has handed to the transmitter (after {@link #reserveTransmit()} for each). */
    public void transmit(byte[] bytes, int length) {
        LineCorruption corruption = transmitCorruption;
        if (corruption != null) {
            for (int i = 0; i < length; i++) {
                bytes[i] = corruption.apply(bytes[i]);
            }
        }
        console.write(bytes, length);
    }

    /** The firmware's receive interrupt, or null when nothing listens (reset, no firmware). */
    public void receiver(ReceiveHandler handler) {
        this.receiver = handler;
    }

    /** Corrupts bytes from the host to the board; null stops it. */
    public void corruptReceived(LineCorruption corruption) {
        this.receiveCorruption = corruption;
    }

    /** Corrupts bytes from the board to the host; null stops it. */
    public void corruptTransmitted(LineCorruption corruption) {
        this.transmitCorruption = corruption;
    }

    /** Loses bytes from the host to the board; null stops it. */
    public void dropReceived(ByteDrop drop) {
        this.receiveDrop = drop;
    }

    /** Counts bytes from the host to the board (dropped ones too); null stops it. */
    public void countReceived(ByteCountdown countdown) {
        this.receiveCountdown = countdown;
    }

    @Override
    public void received(byte[] bytes, int length) {
        // the host wrote these bytes at once: they follow each other on the line from now on, so every byte's arrival is
        // reserved before waiting; reserving after each wake-up would add the scheduler's lateness to every byte
        long now = System.nanoTime();
        long[] arrivals = new long[length];
        for (int i = 0; i < length; i++) {
            arrivals[i] = receiveLine.reserve(now) + receiveLine.byteNanos();
        }
        for (int i = 0; i < length && !closed; i++) {
            LineCorruption corruption = receiveCorruption;
            byte b = corruption == null ? bytes[i] : corruption.apply(bytes[i]);
            awaitArrival(arrivals[i]);
            ByteDrop drop = receiveDrop;
            boolean lost = drop != null && drop.drops();
            ReceiveHandler handler = receiver;
            if (handler != null && !lost) {
                handler.received(b);
            }
            ByteCountdown countdown = receiveCountdown;
            if (countdown != null) {
                countdown.byteReceived();
            }
        }
    }

    private void awaitArrival(long arrival) {
        long left;
        while (!closed && (left = arrival - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    @Override
    public void close() {
        closed = true;
        receiver = null;
        console.close();
    }
}
