package io.bootrig.board.firmware;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** The LEDs' GPIO output state: set by firmware, all off after a reset or without power. */
public final class Leds {
    private final AtomicIntegerArray on = new AtomicIntegerArray(Led.values().length);

    public boolean isOn(Led led) {
        return on.get(led.ordinal()) != 0;
    }

    public void set(Led led, boolean lit) {
        on.set(led.ordinal(), lit ? 1 : 0);
    }

    public void allOff() {
        for (Led led : Led.values()) {
            set(led, false);
        }
    }

    public Map<Led, Boolean> snapshot() {
        Map<Led, Boolean> states = new EnumMap<>(Led.class);
        for (Led led : Led.values()) {
            states.put(led, isOn(led));
        }
        return states;
    }
}
