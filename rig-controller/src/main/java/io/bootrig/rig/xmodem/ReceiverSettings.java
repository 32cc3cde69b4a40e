package io.bootrig.rig.xmodem;

import java.time.Duration;

/**
 * How an {@link XmodemReceiver} behaves.
 *
 * @param check the mode it asks for: CRC-16 with 'C', checksum with NAK
 * @param requestInterval how often it repeats its request while no block has arrived
 * @param startTimeout how long it asks before giving up
 * @param packetTimeout how long it waits for the next packet (or EOT) before it NAKs
 * @param byteTimeout the longest gap inside a packet before the packet counts as broken
 * @param maxErrors bad or missing packets in a row before it cancels
 */
public record ReceiverSettings(ErrorCheck check, Duration requestInterval, Duration startTimeout,
        Duration packetTimeout, Duration byteTimeout, int maxErrors) {

    public ReceiverSettings {
        if (maxErrors < 1) {
            throw new IllegalArgumentException("maxErrors must be at least 1");
        }
    }

    /** CRC-16, a request every 3 s for 60 s, 10 s per packet, 1 s between bytes, 10 errors. */
    public static ReceiverSettings defaults() {
        return new ReceiverSettings(ErrorCheck.CRC16, Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 10);
    }

    public ReceiverSettings withCheck(ErrorCheck v) {
        return new ReceiverSettings(v, requestInterval, startTimeout, packetTimeout, byteTimeout, maxErrors);
    }

    public ReceiverSettings withStart(Duration interval, Duration timeout) {
        return new ReceiverSettings(check, interval, timeout, packetTimeout, byteTimeout, maxErrors);
    }

    public ReceiverSettings withTimeouts(Duration packet, Duration betweenBytes) {
        return new ReceiverSettings(check, requestInterval, startTimeout, packet, betweenBytes, maxErrors);
    }

    public ReceiverSettings withMaxErrors(int v) {
        return new ReceiverSettings(check, requestInterval, startTimeout, packetTimeout, byteTimeout, v);
    }
}
