package io.bootrig.wolfboot.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.wolfboot.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thousands of seeded corruptions of every vector keystore: the parsers may only throw
 * FormatException, and whatever they accept must survive the linter, the summary and re-emitting.
 * A keystore.c accepted as keygen's exact text re-emits byte for byte; one read by its C structure
 * re-emits as exact text holding the same keys.
 */
class KeystoreMutationTest {
    private static final int MUTANTS_PER_VECTOR = 1500;

    private static final int MUTANTS_PER_VARIANT = 300;

    private final List<String> failures = new ArrayList<>();
    private int accepted;
    private int acceptedByStructure;

    @Test
    void keystoreCParserOnlyThrowsFormatException() {
        for (String alg : Vectors.ALGORITHMS) {
            String vector = Vectors.keystoreCText(alg);
            for (int i = 0; i < MUTANTS_PER_VECTOR; i++) {
                Mutator m = new Mutator(alg.hashCode() * 100_003L + i);
                String text = vector;
                StringBuilder what = new StringBuilder();
                for (int k = 0; k <= i % 3; k++) {
                    text = m.mutateText(text);
                    what.append(m.last()).append("; ");
                }
                checkC(alg + " text mutant " + i + " (" + what + ")", text);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).as("some mutants (e.g. a changed key byte) are still keystores").isPositive();
        assertThat(acceptedByStructure).as("some mutants (e.g. a deleted comment) are read by structure").isPositive();
    }

    @Test
    void keystoreCVariantsOnlyThrowFormatException() {
        for (String alg : Vectors.ALGORITHMS) {
            String vector = Vectors.keystoreCText(alg);
            int v = 0;
            for (String variant : KeystoreCVariants.names()) {
                String base = KeystoreCVariants.of(variant, vector);
                v++;
                for (int i = 0; i < MUTANTS_PER_VARIANT; i++) {
                    Mutator m = new Mutator(alg.hashCode() * 1_000_003L + v * 10_007L + i);
                    String text = base;
                    StringBuilder what = new StringBuilder();
                    for (int k = 0; k <= i % 2; k++) {
                        text = m.mutateText(text);
                        what.append(m.last()).append("; ");
                    }
                    checkC(alg + " " + variant + " mutant " + i + " (" + what + ")", text);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(acceptedByStructure).isPositive();
    }

    @Test
    void keystoreCBytesThroughKeystoreFilesOnlyThrowFormatException() {
        for (String alg : Vectors.ALGORITHMS) {
            byte[] vector = Vectors.keystoreCText(alg).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS_PER_VECTOR; i++) {
                Mutator m = new Mutator(alg.hashCode() * 7_919L + i);
                byte[] bytes = m.mutate(vector);
                String what = alg + " byte mutant " + i + " (" + m.last() + ")";
                try {
                    Keystore ks = KeystoreFiles.parse("keystore.c", bytes);
                    survives(what, ks, KeystoreFiles.detect(bytes));
                } catch (FormatException e) {
                    wellFormed(what, e);
                } catch (RuntimeException e) {
                    failures.add(what + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void keystoreDerParserOnlyThrowsFormatException() {
        for (String alg : Vectors.ALGORITHMS) {
            byte[] vector = Vectors.keystoreDer(alg);
            for (int i = 0; i < MUTANTS_PER_VECTOR; i++) {
                Mutator m = new Mutator(alg.hashCode() * 31_337L + i);
                byte[] der = vector;
                StringBuilder what = new StringBuilder(alg + " der mutant " + i + " (");
                for (int k = 0; k <= i % 3; k++) {
                    der = m.mutate(der);
                    what.append(m.last()).append("; ");
                }
                try {
                    Keystore ks = KeystoreDerFormat.parse("keystore.der", der);
                    accepted++;
                    survives(what.toString(), ks, KeystoreFormat.DER);
                    Keystore again = KeystoreDerFormat.parse("re-emitted", KeystoreDerFormat.emit(ks));
                    if (again.size() != ks.size()) {
                        failures.add(what + ": re-emitted keystore has " + again.size() + " slots");
                    }
                } catch (FormatException e) {
                    wellFormed(what.toString(), e);
                } catch (RuntimeException e) {
                    failures.add(what + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(accepted).isPositive();
    }

    private void checkC(String what, String text) {
        try {
            KeystoreC parsed = KeystoreCFormat.parse("keystore.c", text);
            accepted++;
            if (parsed.canonical()) {
                if (!KeystoreCFormat.emit(parsed).equals(text)) {
                    failures.add(what + ": accepted as exact text but re-emits differently");
                }
            } else {
                acceptedByStructure++;
                reEmitsAsExactText(what, parsed, text);
            }
            survives(what, parsed.keystore(), KeystoreFormat.C_SOURCE);
            KeystoreDerFormat.parse("der", KeystoreDerFormat.emit(parsed.keystore()));
        } catch (FormatException e) {
            wellFormed(what, e);
        } catch (RuntimeException e) {
            failures.add(what + ": " + e);
        }
    }

    /** Emitted, it is exact text with the same keys, unless it holds what keygen cannot write. */
    private void reEmitsAsExactText(String what, KeystoreC parsed, String text) throws FormatException {
        int lines = text.split("\n", -1).length;
        int line = parsed.deviation().orElseThrow().line();
        if (line < 1 || line > lines + 1) {
            failures.add(what + ": deviation at line " + line + " of " + lines);
        }
        String emitted;
        try {
            emitted = KeystoreCFormat.emit(parsed);
        } catch (IllegalArgumentException e) {
            if (!unwritable(parsed.keystore())) {
                failures.add(what + ": read by structure but cannot be emitted: " + e.getMessage());
            }
            return;
        }
        KeystoreC again = KeystoreCFormat.parseExact("keystore.c", emitted);
        if (!again.keystore().equals(parsed.keystore()) || again.lastAlgorithm() != parsed.lastAlgorithm()) {
            failures.add(what + ": re-emitted exact text holds other keys");
        }
    }

    /** A slot emit refuses: no key file name, a key type without AUTH_KEY_ name, a slot id beyond int. */
    private static boolean unwritable(Keystore ks) {
        return ks.slots().stream().anyMatch(s -> s.source() == null || s.authType().isEmpty()
                || s.slotId() > Integer.MAX_VALUE);
    }

    private void survives(String what, Keystore ks, KeystoreFormat format) {
        try {
            KeystoreLinter.standard().lint(ks, format);
            new KeystoreLinter(true, true).lint(ks, format);
            SlotSummary.of(ks);
        } catch (RuntimeException e) {
            failures.add(what + ": linter or summary threw " + e);
        }
    }

    private void wellFormed(String what, FormatException e) {
        if (e.field() == null || e.field().isBlank() || e.problem() == null || e.problem().isBlank()) {
            failures.add(what + ": FormatException without field or problem: " + e.getMessage());
        }
    }
}
