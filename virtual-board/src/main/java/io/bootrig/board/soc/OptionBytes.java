package io.bootrig.board.soc;

import java.util.Optional;

/**
 * The option-byte storage and its two register views: {@code _CUR} (the stored values; OPTSTRT and
 * every reset reload them) and {@code _PRG} (what software stages for the next OPTSTRT). Knows which
 * changes the part refuses (OPTCHANGEERR).
 */
final class OptionBytes {
    private OptionByteValues current;
    private OptionByteValues pending;
    private boolean changed;

    OptionBytes(OptionByteValues stored) {
        current = stored;
        pending = stored;
    }

    OptionByteValues current() {
        return current;
    }

    OptionByteValues pending() {
        return pending;
    }

    void stage(OptionWord word, int value) {
        pending = pending.with(word, value);
    }

    /** OPTSTRT: checks the staged values and, if the part accepts them, stores them. Returns the previous values. */
    OptionByteValues commit() throws FlashOperationError {
        Optional<String> refusal = refusal(current, pending);
        if (refusal.isPresent()) {
            throw new FlashOperationError(FlashError.OPTCHANGEERR, refusal.get());
        }
        OptionByteValues before = current;
        current = pending;
        changed = true;
        return before;
    }

    /** A system reset reloads the registers from storage; staged but uncommitted values are lost. */
    void reloadAtReset() {
        pending = current;
    }

    void load(OptionByteValues stored) {
        current = stored;
        pending = stored;
    }

    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    private static Optional<String> refusal(OptionByteValues from, OptionByteValues to) {
        ProductState fromState = ProductState.of(from.productStateCode()).orElse(null);
        ProductState toState = ProductState.of(to.productStateCode()).orElse(null);
        if (toState == null) {
            return Optional.of(String.format("PRODUCT_STATE 0x%02X is not a documented encoding", to.productStateCode()));
        }
        if (fromState == ProductState.LOCKED && toState != ProductState.LOCKED) {
            return Optional.of("product state Locked (0x5C) is permanent");
        }
        if (fromState != ProductState.OPEN && toState == ProductState.OPEN) {
            return Optional.of(String.format("product state 0x%02X -> Open needs a regression (debug authentication), not modelled",
                    from.productStateCode()));
        }
        if (to.bootUbe() != OptionByteValues.BOOT_UBE_OEM_IROT && to.bootUbe() != OptionByteValues.BOOT_UBE_ST_IROT) {
            return Optional.of(String.format("BOOT_UBE 0x%02X is neither 0xB4 nor 0xC3", to.bootUbe()));
        }
        if (to.tzen() != OptionByteValues.TZEN_ENABLED && to.tzen() != OptionByteValues.TZEN_DISABLED) {
            return Optional.of(String.format("TZEN 0x%02X is neither 0xB4 nor 0xC3", to.tzen()));
        }
        if (to.tzen() != from.tzen() && fromState != ProductState.OPEN) {
            return Optional.of(String.format("TZEN changes only in product state Open (now 0x%02X)", from.productStateCode()));
        }
        int otpLocks = from.get(OptionWord.OTPBLR);
        if ((to.get(OptionWord.OTPBLR) & otpLocks) != otpLocks) {
            return Optional.of(String.format("OTPBLR 0x%08X would unlock OTP blocks locked in 0x%08X",
                    to.get(OptionWord.OTPBLR), otpLocks));
        }
        if (from.nonSecureBootLocked() && to.get(OptionWord.NSBOOTR) != from.get(OptionWord.NSBOOTR)) {
            return Optional.of("NSBOOTR is locked (NSBOOT_LOCK=0xB4)");
        }
        if (from.secureBootLocked() && to.get(OptionWord.SECBOOTR) != from.get(OptionWord.SECBOOTR)) {
            return Optional.of("SECBOOTR is locked (SECBOOT_LOCK=0xB4)");
        }
        return Optional.empty();
    }
}
