package io.bootrig.rig.stm32h5;

/** How a reset leaves the core: stopped at the reset vector, or running the firmware. */
public enum ResetMode {
    HALT, RUN
}
