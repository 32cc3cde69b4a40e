package io.bootrig.rig.stm32h5;

import java.util.Optional;

/** The option bytes a flow wants; empty fields are left as they are. */
public record DesiredOptions(Optional<Integer> tzen, Optional<Boolean> swapBank, Optional<SecureWatermark> secwm1,
        Optional<SecureWatermark> secwm2) {

    public static DesiredOptions none() {
        return new DesiredOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public DesiredOptions withTzen(int value) {
        return new DesiredOptions(Optional.of(value), swapBank, secwm1, secwm2);
    }

    public DesiredOptions withSwapBank(boolean value) {
        return new DesiredOptions(tzen, Optional.of(value), secwm1, secwm2);
    }

    public DesiredOptions withSecwm1(SecureWatermark wm) {
        return new DesiredOptions(tzen, swapBank, Optional.of(wm), secwm2);
    }

    public DesiredOptions withSecwm2(SecureWatermark wm) {
        return new DesiredOptions(tzen, swapBank, secwm1, Optional.of(wm));
    }
}
