package io.bootrig.rig.xmodem;

import java.time.Duration;

/**
 * A finished send.
 *
 * @param bytes file bytes sent (without padding)
 * @param wireBytes every byte this side wrote: packets, retransmissions, EOTs
 * @param elapsed from the call until the EOT was acknowledged, including the wait for the receiver's request
 */
public record SendResult(ErrorCheck check, long bytes, int blocks, long wireBytes, Duration elapsed,
        Timeline timeline) {
    public double bytesPerSecond() {
        return bytes / (elapsed.toNanos() / 1e9);
    }
}
