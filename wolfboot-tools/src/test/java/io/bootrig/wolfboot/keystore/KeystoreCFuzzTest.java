package io.bootrig.wolfboot.keystore;

import static io.bootrig.wolfboot.FuzzChecks.documented;
import static io.bootrig.wolfboot.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.wolfboot.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * keystore.c on any bytes ({@link KeystoreFiles#parseC}: UTF-8, keygen's exact text, else its C
 * structure): a keystore or a {@link FormatException}. What the exact parser accepts, {@code emit}
 * reproduces byte for byte and the structure parser reads the same; what only the structure parser
 * accepts, when it can be written as keygen writes it, reads back equal from that text. The linter
 * ({@code rig keystore lint}) reports on every keystore either accepts.
 */
class KeystoreCFuzzTest {
    private static final String SOURCE = "keystore.c";

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        KeystoreC c;
        try {
            c = KeystoreFiles.parseC(SOURCE, data);
        } catch (FormatException e) {
            documented(e, SOURCE);
            return;
        }
        String text = new String(data, StandardCharsets.UTF_8);
        if (c.canonical()) {
            require(KeystoreCFormat.emit(c).equals(text), "emit does not reproduce the exact text it parsed");
            KeystoreC structure = structure(text);
            require(structure.keystore().equals(c.keystore()) && structure.lastAlgorithm() == c.lastAlgorithm(),
                    "the structure parser reads keygen's exact text differently: " + structure + " vs " + c);
        } else {
            roundTrip(c);
        }
        KeystoreLinter.standard().lint(c);
        new KeystoreLinter(true, true).lint(c.keystore(), KeystoreFormat.C_SOURCE);
    }

    private static KeystoreC structure(String text) {
        try {
            return KeystoreCStructure.parse(SOURCE, text, new KeystoreC.Deviation(1, "fuzz"));
        } catch (FormatException e) {
            throw new AssertionError("the structure parser refuses keygen's exact text", e);
        }
    }

    /** Non-canonical content that keygen could write comes back equal from keygen's text. */
    private static void roundTrip(KeystoreC c) {
        String emitted;
        try {
            emitted = KeystoreCFormat.emit(c);
        } catch (IllegalArgumentException documentedForUnwritableSlots) {
            return;
        }
        KeystoreC again;
        try {
            again = KeystoreCFormat.parseExact(SOURCE, emitted);
        } catch (FormatException e) {
            throw new AssertionError("the exact parser refuses emit's text", e);
        }
        require(again.keystore().equals(c.keystore()) && again.lastAlgorithm() == c.lastAlgorithm(),
                "emit, then parse, gives another keystore: " + again + " vs " + c);
    }
}
