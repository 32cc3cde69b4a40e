package io.bootrig.rig.stm32h5;

/** Progress of a long transfer: bytes done out of the total. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (op, done, total) -> { };

    void progress(String operation, long done, long total);
}
