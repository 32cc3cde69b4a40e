package io.bootrig.rig.qualify;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A finished qualification: the plan, the setup flow, the OTP comparison, every case row and the verdict. QUALIFIED
 * only when the setup passed and every case passed; slots without a private key are listed as not exercised.
 *
 * @param boardKind "virtual" or the real board's kind
 * @param matrix    the cases' flow, when the setup passed
 */
public record QualificationReport(QualificationPlan plan, String board, String boardKind, String rigVersion,
        Instant started, Duration duration, FlowReport setup, Optional<FlowReport> matrix, List<OtpSlotCheck> otp,
        List<CaseResult> cases) {

    public enum Verdict {
        QUALIFIED,
        NOT_QUALIFIED;

        public String label() {
            return name().replace('_', ' ');
        }
    }

    public QualificationReport {
        otp = List.copyOf(otp);
        cases = List.copyOf(cases);
    }

    public Verdict verdict() {
        return failure().isEmpty() ? Verdict.QUALIFIED : Verdict.NOT_QUALIFIED;
    }

    /**
     * Why it is not qualified, by who has to act: the setup's failure, else a failure of the rig (or the inputs) that
     * stopped the cases, else PRODUCT when a case failed or did not run. Empty when qualified.
     */
    public Optional<FailureKind> failure() {
        if (!setup.passed()) {
            return setup.failure();
        }
        Optional<FailureKind> stop = cases.stream().map(CaseResult::failure).flatMap(Optional::stream)
                .filter(k -> k != FailureKind.PRODUCT).findFirst();
        if (stop.isPresent()) {
            return stop;
        }
        return cases.stream().allMatch(c -> c.verdict() == CaseVerdict.PASS) ? Optional.empty()
                : Optional.of(FailureKind.PRODUCT);
    }

    public long count(CaseVerdict verdict) {
        return cases.stream().filter(c -> c.verdict() == verdict).count();
    }

    /** Slots no case signs with: no private key was given for them (or no pre-signed image names them). */
    public List<KeystoreSlot> notExercised() {
        return plan.keystore().slots().stream().filter(s -> !plan.exercises(s)).toList();
    }

    /** One line: why the verdict is what it is. */
    public String reason() {
        if (!setup.passed()) {
            StepResult s = setup.failedStep().orElseThrow();
            return "the setup failed at '" + s.name() + "': " + s.summary();
        }
        String scope = notExercised().isEmpty() ? "" : "; slot(s) " + notExercised().stream()
                .map(s -> Long.toString(s.slotId())).collect(Collectors.joining(", ")) + " not exercised (no private key "
                + "or image for them)";
        long failed = count(CaseVerdict.FAIL);
        long notRun = count(CaseVerdict.NOT_RUN);
        if (failed == 0 && notRun == 0) {
            return "all " + cases.size() + " cases passed" + scope;
        }
        String names = cases.stream().filter(c -> c.verdict() == CaseVerdict.FAIL).map(c -> c.spec().name())
                .collect(Collectors.joining(", "));
        return failed + " of " + cases.size() + " cases failed" + (names.isEmpty() ? "" : " (" + names + ")")
                + (notRun == 0 ? "" : ", " + notRun + " not run") + scope;
    }

    public Instant finished() {
        return started.plus(duration);
    }

    /** The rig's version, as its jar's manifest names it. */
    static String currentRigVersion() {
        String v = QualificationReport.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
