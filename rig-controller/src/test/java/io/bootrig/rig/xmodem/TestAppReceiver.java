package io.bootrig.rig.xmodem;

import io.bootrig.rig.link.ByteLink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The STM32H5 test application's XMODEM receiver ({@code update} command; wolfboot.md f.4 and f.5), scripted for
 * tests, quirks included: checksum only, 128-byte SOH packets only, NAK every {@code period} while idle (1 s on the
 * board) and forever; a partial packet stalled for a period is dropped silently; anything but SOH or EOT (CAN too) is
 * read as a 132-byte packet and dropped; the first good packet's number is taken whatever it is, after that a wrong
 * number (a repeated block included) is NAKed; once the image (size at payload offset 4 + header size) is complete
 * the next packet must be EOT, anything else is NAKed and ends the transfer with ret 1. It runs on its own thread.
 */
public final class TestAppReceiver implements AutoCloseable {
    private static final int PACKET = 132;
    private static final int PARTITION_SIZE = 0xA0000;

    /**
     * @param period the idle NAK period (1 s on the board; shorter keeps tests fast)
     * @param headerSize IMAGE_HEADER_SIZE
     * @param swallowAckOf 1-based blocks whose ACK is lost on the line
     * @param flashErrorAt a 1-based block whose flash write fails (0: none)
     */
    public record Script(Duration period, int headerSize, Set<Integer> swallowAckOf, int flashErrorAt) {
        public static Script normal(Duration period) {
            return new Script(period, 256, Set.of(), 0);
        }

        public Script losingAckOf(Integer... blocks) {
            return new Script(period, headerSize, Set.of(blocks), flashErrorAt);
        }

        public Script failingFlashAt(int block) {
            return new Script(period, headerSize, swallowAckOf, block);
        }
    }

    private final ByteLink link;
    private final Script script;
    private final byte[] flash = new byte[PARTITION_SIZE];
    private final StringBuilder console = new StringBuilder();
    private final AtomicInteger naks = new AtomicInteger();
    private final AtomicInteger packetsAcked = new AtomicInteger();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Integer ret;
    private volatile Throwable crash;

    private TestAppReceiver(ByteLink link, Script script) {
        this.link = link;
        this.script = script;
        Arrays.fill(flash, (byte) 0xFF);
        this.thread = new Thread(this::run, "test-app-xmodem");
        this.thread.setDaemon(true);
    }

    /** Starts receiving, as after "Waiting for XMODEM transfer...". */
    public static TestAppReceiver start(ByteLink link, Script script) {
        TestAppReceiver r = new TestAppReceiver(link, script);
        r.thread.start();
        return r;
    }

    /** NAKs sent so far, idle ones included. */
    public int naks() {
        return naks.get();
    }

    /** Packets taken (written to flash and acknowledged, whether or not the ACK got through). */
    public int packetsAcked() {
        return packetsAcked.get();
    }

    /**
     * {@code ret} as printed in "End of transfer. ret: %d" (0 ok, 1 non-EOT after the image, -1 flash error); set once
     * that text is out.
     */
    public Integer ret() {
        return ret;
    }

    public boolean finished() {
        return ret != null;
    }

    /** What it printed after the transfer. */
    public synchronized String console() {
        return console.toString();
    }

    /** The first {@code length} bytes of the UPDATE partition. */
    public byte[] flash(int length) {
        synchronized (flash) {
            return Arrays.copyOf(flash, length);
        }
    }

    /** An exception that stopped the receiver thread (a link lost when the test closed it is not one). */
    public Throwable crash() {
        return crash;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }

    private void run() {
        try {
            int result = receive();
            print("\r".repeat(10) + "End of transfer. ret: " + result + "\r\n"
                    + (result == 0 ? "Transfer succeeded\r\n" : "Transfer failed\r\n"));
            ret = result;
        } catch (IOException e) {
            if (!stopped) {
                crash = e;
            }
        } catch (RuntimeException e) {
            crash = e;
        }
    }

    private int receive() throws IOException {
        LinkInput in = new LinkInput(link);
        byte[] packet = new byte[PACKET];
        boolean synced = false;
        int expected = 0;
        long offset = 0;
        long imageEnd = Long.MAX_VALUE;
        int block = 0;
        while (!stopped) {
            int first = in.read(script.period());
            if (first < 0) {
                nak();
                continue;
            }
            if (first == ControlByte.EOT) {
                link.write(new byte[] {ControlByte.ACK});
                return 0;
            }
            packet[0] = (byte) first;
            if (in.readFully(packet, 1, PACKET - 1, script.period()) < PACKET - 1) {
                continue;
            }
            if (offset >= imageEnd) {
                nak();
                return 1;
            }
            if (first != ControlByte.SOH) {
                continue;
            }
            int n = packet[1] & 0xFF;
            if (n != (~packet[2] & 0xFF) || (synced && n != expected)
                    || (Checksum.of(packet, 0, PACKET - 1) != (packet[PACKET - 1] & 0xFF))) {
                nak();
                continue;
            }
            block++;
            if (block == script.flashErrorAt()) {
                byte[] can = new byte[10];
                Arrays.fill(can, (byte) ControlByte.CAN);
                link.write(can);
                print("Error writing to flash\r\n");
                return -1;
            }
            synchronized (flash) {
                System.arraycopy(packet, 3, flash, (int) offset, 128);
            }
            if (!synced) {
                synced = true;
                long size = (packet[3 + 4] & 0xFFL) | (packet[3 + 5] & 0xFFL) << 8 | (packet[3 + 6] & 0xFFL) << 16
                        | (packet[3 + 7] & 0xFFL) << 24;
                imageEnd = size + script.headerSize();
            }
            packetsAcked.incrementAndGet();
            if (!script.swallowAckOf().contains(block)) {
                link.write(new byte[] {ControlByte.ACK});
            }
            expected = (n + 1) & 0xFF;
            offset += 128;
        }
        throw new java.io.InterruptedIOException("stopped");
    }

    private void nak() throws IOException {
        link.write(new byte[] {ControlByte.NAK});
        naks.incrementAndGet();
    }

    private void print(String text) throws IOException {
        synchronized (this) {
            console.append(text);
        }
        link.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A wolfBoot-like image: a header of {@code headerSize} bytes with the payload size at offset 4, then data. */
    public static byte[] image(int payloadSize, int headerSize, long seed) {
        byte[] image = new byte[headerSize + payloadSize];
        new java.util.Random(seed).nextBytes(image);
        image[0] = 'W';
        image[1] = 'O';
        image[2] = 'L';
        image[3] = 'F';
        image[4] = (byte) payloadSize;
        image[5] = (byte) (payloadSize >>> 8);
        image[6] = (byte) (payloadSize >>> 16);
        image[7] = (byte) (payloadSize >>> 24);
        return image;
    }
}
