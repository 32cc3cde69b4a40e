package io.bootrig.board;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A scripted XMODEM (checksum, 128-byte blocks) sender over the rig's side of the console, step by step. */
public final class XmodemSender {
    public static final int SOH = 0x01;
    public static final int EOT = 0x04;
    public static final int ACK = 0x06;
    public static final int NAK = 0x15;
    public static final int CAN = 0x18;
    public static final int PAD = 0x1A;
    private static final Duration REPLY = Duration.ofSeconds(20);
    private static final int MAX_RESENDS = 100;

    private final SerialClient port;

    public XmodemSender(SerialClient port) {
        this.port = port;
    }

    /** The image in 128-byte blocks, the last padded with 0x1A. */
    public static List<byte[]> blocks(byte[] image) {
        List<byte[]> blocks = new ArrayList<>();
        for (int offset = 0; offset < image.length; offset += 128) {
            byte[] block = Arrays.copyOfRange(image, offset, offset + 128);
            Arrays.fill(block, Math.min(128, image.length - offset), 128, (byte) PAD);
            blocks.add(block);
        }
        return blocks;
    }

    /** SOH, n, ~n, 128 data bytes, the 8-bit sum of the data. */
    public static byte[] packet(int number, byte[] block) {
        byte[] packet = new byte[132];
        packet[0] = SOH;
        packet[1] = (byte) number;
        packet[2] = (byte) ~number;
        System.arraycopy(block, 0, packet, 3, 128);
        int sum = 0;
        for (byte b : block) {
            sum += b & 0xFF;
        }
        packet[131] = (byte) sum;
        return packet;
    }

    /** Forgets what the receiver sent so far (e.g. idle NAKs) and waits for its next NAK. */
    public void awaitNak() {
        port.skipReceived();
        expect(NAK);
    }

    /** Sends bytes and returns the receiver's next byte. */
    public int send(byte[] bytes) {
        port.skipReceived();
        port.send(bytes);
        return reply();
    }

    public int sendPacket(int number, byte[] block) {
        return send(packet(number, block));
    }

    public int reply() {
        int b = port.nextByte(REPLY);
        if (b < 0) {
            throw new AssertionError("no reply from the receiver within " + REPLY);
        }
        return b;
    }

    public void expect(int expected) {
        int b = reply();
        if (b != expected) {
            throw new AssertionError(String.format("expected 0x%02X, got 0x%02X", expected, b));
        }
    }

    /**
     * Sends every block and then EOT, resending whatever is NAKed, as a sender facing a noisy line
     * does (a packet dropped unanswered is resent at the receiver's next idle NAK).
     */
    public int sendAllResending(byte[] image) {
        awaitNak();
        int resends = 0;
        List<byte[]> packets = new ArrayList<>();
        List<byte[]> blocks = blocks(image);
        for (int i = 0; i < blocks.size(); i++) {
            packets.add(packet(i + 1, blocks.get(i)));
        }
        packets.add(new byte[] {EOT});
        for (byte[] packet : packets) {
            while (send(packet) != ACK) {
                if (++resends > MAX_RESENDS) {
                    throw new AssertionError("more than " + MAX_RESENDS + " resends");
                }
            }
        }
        return resends;
    }

    /** Sends every block, each ACKed, then EOT (ACKed). */
    public void sendAll(byte[] image) {
        awaitNak();
        List<byte[]> blocks = blocks(image);
        for (int i = 0; i < blocks.size(); i++) {
            int reply = sendPacket(i + 1, blocks.get(i));
            if (reply != ACK) {
                throw new AssertionError(String.format("block %d: expected ACK, got 0x%02X", i + 1, reply));
            }
        }
        if (send(new byte[] {EOT}) != ACK) {
            throw new AssertionError("EOT not ACKed");
        }
    }
}
