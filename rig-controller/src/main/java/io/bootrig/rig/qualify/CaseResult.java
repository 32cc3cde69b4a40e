package io.bootrig.rig.qualify;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the qualification report.
 *
 * @param index        1-based, in the order the cases ran
 * @param keyFile      the private key file that signed the image (a path only, never its content); the operator's
 *                     image file for pre-signed images; "fresh key" for the wrong key
 * @param image        the image sent
 * @param imageVersion its version
 * @param before       the version and state the board ran before the case
 * @param predicted    what the keystore says wolfBoot should do (does not decide the verdict)
 * @param detail       why the verdict is what it is, in one line
 * @param failure      who has to act on a failed row: the product, or the rig when the case could not be observed
 * @param update       the update flow's report: every step, what the board printed
 */
public record CaseResult(int index, QualificationCase spec, String keyFile, Optional<Path> image,
        OptionalLong imageVersion, Optional<String> before, Optional<Prediction> predicted, Observation observed,
        CaseVerdict verdict, String detail, Optional<FailureKind> failure, Instant started, Duration duration,
        Optional<FlowReport> update) {

    static CaseResult notRun(int index, QualificationCase spec, String why) {
        return new CaseResult(index, spec, keyFile(spec), Optional.empty(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Observation.NONE, CaseVerdict.NOT_RUN, why, Optional.empty(), Instant.now(),
                Duration.ZERO, Optional.empty());
    }

    /** A case whose image could not be made or sent. */
    static CaseResult notSent(int index, QualificationCase spec, BoardState before, FailureKind failure, String why,
            Instant started) {
        return new CaseResult(index, spec, keyFile(spec), Optional.empty(), OptionalLong.empty(),
                Optional.of(before.toString()), Optional.empty(), Observation.NONE, CaseVerdict.FAIL, why,
                Optional.of(failure), started, Duration.ZERO, Optional.empty());
    }

    /** The key (or image) a case's recipe names, as the report lists it. */
    static String keyFile(QualificationCase spec) {
        ImageRecipe r = spec.recipe();
        if (r instanceof ImageRecipe.Signed s) {
            return s.key().file().toString();
        }
        if (r instanceof ImageRecipe.PreSigned p) {
            return p.file().toString();
        }
        return "fresh key (made for this run, deleted after it)";
    }
}
