package io.bootrig.rig.xmodem;

/** Told after each acknowledged block. Called on the sending thread: keep it short. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (block, bytesAcknowledged, totalBytes) -> {};

    /**
     * @param block the 1-based block just acknowledged
     * @param bytesAcknowledged file bytes the receiver has acknowledged so far (padding not counted)
     */
    void acknowledged(int block, long bytesAcknowledged, long totalBytes);
}
