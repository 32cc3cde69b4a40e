package io.bootrig.rig.demo;

/** Told as each step of a longer job begins, in words for a person; never key material. */
@FunctionalInterface
public interface ProgressSink {
    ProgressSink NONE = step -> { };

    void step(String description);
}
