package io.bootrig.rig.xmodem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What happened to each block of one XMODEM send: when it first went out, how often, the NAKs and timeouts it
 * drew, when it was acknowledged; the same for the closing EOT. Times are measured from the start of the send.
 */
public final class Timeline {
    /**
     * One data block.
     *
     * @param block 1-based position in the file (the wire number is {@code block mod 256})
     * @param length file bytes it carries; the rest of the block is 0x1A padding
     * @param acknowledged empty if the receiver never acknowledged it
     * @param timeouts transmissions answered by neither ACK nor NAK in time
     */
    public record Block(int block, int wireNumber, long offset, int length, BlockSize size, Duration firstSent,
            Optional<Duration> acknowledged, int transmissions, int naks, int timeouts) {}

    /** The EOT handshake; {@code transmissions} is 0 when the send failed before it. */
    public record Eot(Optional<Duration> firstSent, Optional<Duration> acknowledged, int transmissions, int naks) {}

    private final long startNanos;
    private final List<Block> blocks = new ArrayList<>();
    private ErrorCheck check;
    private Duration requested;
    private Eot eot = new Eot(Optional.empty(), Optional.empty(), 0, 0);

    Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The blocks in file order. */
    public synchronized List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public synchronized Eot eot() {
        return eot;
    }

    /** The mode the receiver asked for, empty if it never asked. */
    public synchronized Optional<ErrorCheck> check() {
        return Optional.ofNullable(check);
    }

    /** When the receiver's first request (NAK or 'C') arrived. */
    public synchronized Optional<Duration> requested() {
        return Optional.ofNullable(requested);
    }

    public synchronized int totalNaks() {
        return blocks.stream().mapToInt(Block::naks).sum() + eot.naks();
    }

    public synchronized int totalTransmissions() {
        return blocks.stream().mapToInt(Block::transmissions).sum();
    }

    /** One line per block and one for EOT, for logs and the CLI. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        if (requested != null) {
            out.add(String.format("request  %s at %s", check.label(), seconds(requested)));
        }
        for (Block b : blocks) {
            out.add(String.format("block %4d #%-3d offset 0x%06X %4d/%-4d sent %s acked %-9s tx %d NAK %d timeout %d",
                    b.block(), b.wireNumber(), b.offset(), b.length(), b.size().bytes(), seconds(b.firstSent()),
                    b.acknowledged().map(Timeline::seconds).orElse("never"), b.transmissions(), b.naks(),
                    b.timeouts()));
        }
        if (eot.transmissions() > 0) {
            out.add(String.format("EOT                                   sent %s acked %-9s tx %d NAK %d",
                    eot.firstSent().map(Timeline::seconds).orElse("-"),
                    eot.acknowledged().map(Timeline::seconds).orElse("never"), eot.transmissions(), eot.naks()));
        }
        return Collections.unmodifiableList(out);
    }

    synchronized void requestReceived(ErrorCheck mode) {
        check = mode;
        if (requested == null) {
            requested = now();
        }
    }

    synchronized void sent(int block, long offset, int length, BlockSize size) {
        int i = block - 1;
        if (i == blocks.size()) {
            blocks.add(new Block(block, block & 0xFF, offset, length, size, now(), Optional.empty(), 1, 0, 0));
        } else {
            Block b = blocks.get(i);
            // before the first ACK the receiver may change its mind about the mode, and with it the block size
            blocks.set(i, new Block(block, b.wireNumber(), offset, length, size, b.firstSent(), b.acknowledged(),
                    b.transmissions() + 1, b.naks(), b.timeouts()));
        }
    }

    synchronized void acknowledged(int block) {
        Block b = blocks.get(block - 1);
        blocks.set(block - 1, new Block(b.block(), b.wireNumber(), b.offset(), b.length(), b.size(), b.firstSent(),
                Optional.of(now()), b.transmissions(), b.naks(), b.timeouts()));
    }

    synchronized void nak(int block) {
        Block b = blocks.get(block - 1);
        blocks.set(block - 1, new Block(b.block(), b.wireNumber(), b.offset(), b.length(), b.size(), b.firstSent(),
                b.acknowledged(), b.transmissions(), b.naks() + 1, b.timeouts()));
    }

    synchronized void timeout(int block) {
        Block b = blocks.get(block - 1);
        blocks.set(block - 1, new Block(b.block(), b.wireNumber(), b.offset(), b.length(), b.size(), b.firstSent(),
                b.acknowledged(), b.transmissions(), b.naks(), b.timeouts() + 1));
    }

    synchronized void eotSent() {
        eot = new Eot(eot.firstSent().or(() -> Optional.of(now())), eot.acknowledged(), eot.transmissions() + 1,
                eot.naks());
    }

    synchronized void eotNak() {
        eot = new Eot(eot.firstSent(), eot.acknowledged(), eot.transmissions(), eot.naks() + 1);
    }

    synchronized void eotAcknowledged() {
        eot = new Eot(eot.firstSent(), Optional.of(now()), eot.transmissions(), eot.naks());
    }

    private Duration now() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static String seconds(Duration d) {
        return String.format("+%.3fs", d.toNanos() / 1e9);
    }
}
