package io.bootrig.rig.xmodem;

import java.time.Duration;

/**
 * A finished receive.
 *
 * @param bytes bytes written to the sink: whole blocks, so the sender's padding is included
 * @param duplicates repeated blocks that were acknowledged and dropped
 * @param naks NAKs sent for bad, broken or missing packets
 */
public record ReceiveResult(ErrorCheck check, long bytes, int blocks, int duplicates, int naks, Duration elapsed) {}
