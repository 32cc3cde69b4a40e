package io.bootrig.rig.power;

/** Switches a board's power. Every method returns once the switch has acted, or throws {@link PowerException}. */
public interface PowerSwitch {
    void off();

    void on();

    /** Off, then on. */
    void cycle();

    /** What the switch is, for logs and messages. */
    String describe();
}
