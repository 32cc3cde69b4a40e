package io.bootrig.wolfboot.keystore;

import static io.bootrig.wolfboot.FuzzChecks.documented;
import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import java.util.Arrays;

/**
 * {@link KeystoreDerFormat#parse} on any bytes: a keystore or a {@link FormatException}. What it
 * accepts, {@code emit} (and {@code emitUniversal}) write, and that text parses again to a keystore
 * that writes the same bytes: one round through keygen's fixed slot sizes, then a fixed point. The
 * linter reports on every keystore it accepts.
 */
class KeystoreDerFuzzTest {
    private static final String SOURCE = "keystore.der";

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        Keystore k;
        try {
            k = KeystoreDerFormat.parse(SOURCE, data);
        } catch (FormatException e) {
            documented(e, SOURCE);
            return;
        }
        fixedPoint(k, false);
        fixedPoint(k, true);
        KeystoreLinter.standard().lint(k, KeystoreFormat.DER);
        new KeystoreLinter(true, true).lint(k, KeystoreFormat.DER);
    }

    private static void fixedPoint(Keystore k, boolean universal) {
        byte[] once;
        try {
            once = emit(k, universal);
        } catch (IllegalArgumentException e) {
            // documented for universal slots over 2608 bytes only; every parsed slot is a u32 of at most 4096 bytes
            require(universal, "emit refuses a keystore parse accepted: " + e.getMessage());
            return;
        }
        Keystore again = reparse(once, k);
        require(again.size() == k.size(), "emit then parse gives " + again.size() + " slots, parse gave " + k.size());
        for (int i = 0; i < k.size(); i++) {
            KeystoreSlot a = k.slots().get(i);
            KeystoreSlot b = again.slots().get(i);
            require(a.slotId() == b.slotId() && a.keyType() == b.keyType() && a.partIdMask() == b.partIdMask()
                    && b.pubkeySize() == KeystoreDerFormat.pubkeySize(a), "slot " + i + " changed: " + a + " -> " + b);
        }
        byte[] twice = emit(again, universal);
        require(Arrays.equals(once, twice), "emit(parse(emit(k))) differs from emit(k)");
    }

    private static byte[] emit(Keystore k, boolean universal) {
        return universal ? KeystoreDerFormat.emitUniversal(k) : KeystoreDerFormat.emit(k);
    }

    private static Keystore reparse(byte[] der, Keystore from) {
        try {
            return KeystoreDerFormat.parse(SOURCE, der);
        } catch (FormatException e) {
            throw new AssertionError("emit's bytes for " + from + " do not parse", e);
        }
    }
}
