package io.bootrig.rig.power;

/** Where the running virtual board listens for control commands. */
@FunctionalInterface
public interface VirtualControl {
    /**
     * The control port on 127.0.0.1 of the board process now running.
     *
     * @throws PowerException when the board is not running
     */
    int controlPort();
}
