package io.bootrig.rig.xmodem;

import java.time.Duration;

/**
 * How an {@link XmodemSender} behaves.
 *
 * @param blockSize the largest block to use; 1K is used only if the receiver also asks for CRC-16 ('C'), never
 *     against a receiver that asks with NAK
 * @param startTimeout how long to wait for the receiver's first NAK or 'C'
 * @param responseTimeout how long to wait for ACK or NAK after a block
 * @param maxTransmissions how often one block may be sent before the transfer fails
 * @param eotTimeout how long to wait for the ACK of an EOT
 * @param maxEotTransmissions how often EOT may be sent
 * @param trapProbeAfterNaks after this many NAKs for one block, check once whether the receiver already has it by
 *     sending the next block (see {@link XmodemSender}); 0 turns the check off
 */
public record SenderSettings(BlockSize blockSize, Duration startTimeout, Duration responseTimeout, int maxTransmissions,
        Duration eotTimeout, int maxEotTransmissions, int trapProbeAfterNaks) {

    public SenderSettings {
        if (maxTransmissions < 1 || maxEotTransmissions < 1 || trapProbeAfterNaks < 0) {
            throw new IllegalArgumentException("transmission limits must be at least 1, the probe threshold >= 0");
        }
        if (startTimeout.isNegative() || responseTimeout.isNegative() || eotTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** 128-byte blocks, 60 s to start, 10 s per answer, 10 transmissions a block, EOT 6 times 3 s, probe after 2 NAKs. */
    public static SenderSettings defaults() {
        return new SenderSettings(BlockSize.B128, Duration.ofSeconds(60), Duration.ofSeconds(10), 10,
                Duration.ofSeconds(3), 6, 2);
    }

    public SenderSettings withBlockSize(BlockSize v) {
        return new SenderSettings(v, startTimeout, responseTimeout, maxTransmissions, eotTimeout, maxEotTransmissions,
                trapProbeAfterNaks);
    }

    public SenderSettings withStartTimeout(Duration v) {
        return new SenderSettings(blockSize, v, responseTimeout, maxTransmissions, eotTimeout, maxEotTransmissions,
                trapProbeAfterNaks);
    }

    public SenderSettings withResponseTimeout(Duration v) {
        return new SenderSettings(blockSize, startTimeout, v, maxTransmissions, eotTimeout, maxEotTransmissions,
                trapProbeAfterNaks);
    }

    public SenderSettings withMaxTransmissions(int v) {
        return new SenderSettings(blockSize, startTimeout, responseTimeout, v, eotTimeout, maxEotTransmissions,
                trapProbeAfterNaks);
    }

    public SenderSettings withEot(Duration timeout, int transmissions) {
        return new SenderSettings(blockSize, startTimeout, responseTimeout, maxTransmissions, timeout, transmissions,
                trapProbeAfterNaks);
    }

    public SenderSettings withTrapProbeAfterNaks(int v) {
        return new SenderSettings(blockSize, startTimeout, responseTimeout, maxTransmissions, eotTimeout,
                maxEotTransmissions, v);
    }
}
