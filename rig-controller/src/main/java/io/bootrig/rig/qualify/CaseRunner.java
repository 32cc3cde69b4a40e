package io.bootrig.rig.qualify;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.StepContext;
import io.bootrig.rig.flow.StepFailure;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.rig.flow.TestAppSession;
import io.bootrig.rig.flow.UpdateFlow;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.session.BoardSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs one case: makes its image from the running version, sends it with the update flow expecting what the case
 * expects, reads what the board did, then brings the board to a confirmed image for the next case.
 */
final class CaseRunner {
    private static final Duration PROMPT_WAIT = Duration.ofSeconds(3);

    /** @param after the board's state for the next case; empty when it no longer answers */
    record Outcome(CaseResult row, Optional<BoardState> after) {}

    private final BoardSession session;
    private final QualificationPlan plan;
    private final CaseImages images;

    CaseRunner(BoardSession session, QualificationPlan plan, CaseImages images) {
        this.session = session;
        this.plan = plan;
        this.images = images;
    }

    Outcome run(int index, QualificationCase c, BoardState before, StepContext ctx) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String keyFile = CaseResult.keyFile(c);
        Optional<CaseImages.Made> made = images.make(String.format("%02d-%s", index, c.name()), c.recipe(), before.version());
        if (made.isEmpty()) {
            return new Outcome(CaseResult.notRun(index, c, "the board runs " + before + ": a lower version than 1 "
                    + "cannot be signed (version 0 means no image to wolfBoot)"), Optional.of(before));
        }
        CaseImages.Made image = made.get();
        Prediction predicted = Prediction.of(image.image(), plan.keystore(), plan.layout(), before.version());
        ctx.note(image.file().getFileName() + ": v" + image.version() + ", partition id "
                + image.image().partitionId().orElse(-1) + "; running " + before + "; the keystore predicts "
                + predicted.why());
        UpdateInputs inputs = new UpdateInputs(image.file(), plan.layout(), Optional.of(plan.keystore()),
                c.expected() == Expected.ACCEPT ? UpdateInputs.Expectation.ACCEPTED : UpdateInputs.Expectation.REFUSED,
                c.expected() == Expected.ACCEPT, UpdateInputs.testAppXmodem(), UpdateInputs.BOOT_WAIT);
        FlowReport update = new FlowRunner().run(UpdateFlow.NAME, session.board().name(),
                new UpdateFlow(session, inputs).steps(), false, new CaseProgress(ctx),
                Map.of("image", image.file().toString()));
        Observation seen = Observation.of(update);

        CaseVerdict verdict;
        String detail;
        Optional<FailureKind> failure = Optional.empty();
        if (seen.versionAfter().isEmpty()) {
            StepResult failed = update.failedStep().orElseThrow();
            verdict = CaseVerdict.FAIL;
            failure = Optional.of(update.failure().orElse(FailureKind.PRODUCT));
            detail = "not observed: the update failed at '" + failed.name() + "': " + failed.summary();
        } else if (c.expected() == Expected.ACCEPT) {
            verdict = update.passed() ? CaseVerdict.PASS : CaseVerdict.FAIL;
            detail = "expected accept, observed " + seen.describe()
                    + update.failedStep().map(s -> ": " + s.summary()).orElse("");
        } else {
            verdict = seen.taken().orElse(true) ? CaseVerdict.FAIL : CaseVerdict.PASS;
            detail = "expected reject, observed " + seen.describe();
        }
        if (verdict == CaseVerdict.FAIL && failure.isEmpty()) {
            failure = Optional.of(FailureKind.PRODUCT);
        }

        Optional<BoardState> after = Optional.empty();
        if (failure.orElse(FailureKind.PRODUCT) == FailureKind.PRODUCT) {
            try {
                after = Optional.of(settle(ctx));
            } catch (StepFailure e) {
                verdict = CaseVerdict.FAIL;
                failure = Optional.of(e.kind());
                detail += "; afterwards the board is in no known state: " + e.getMessage();
            } catch (Exception e) {
                verdict = CaseVerdict.FAIL;
                failure = Optional.of(FailureKind.INFRASTRUCTURE);
                detail += "; afterwards the board could not be read: " + e.getMessage();
            }
        }
        CaseResult row = new CaseResult(index, c, keyFile, Optional.of(image.file()), OptionalLong.of(image.version()),
                Optional.of(before.toString()), Optional.of(predicted), seen, verdict, detail, failure, started,
                Duration.ofNanos(System.nanoTime() - t0), Optional.of(update));
        return new Outcome(row, after);
    }

    /** The application at its prompt running a confirmed image: 'success' when it runs in TESTING. */
    private BoardState settle(StepContext ctx) throws Exception {
        Console console = session.console();
        TestAppSession.atPrompt(console, PROMPT_WAIT);
        SystemInfo info = TestAppSession.info(console);
        if (info.bootState() == PartitionState.TESTING) {
            ctx.write("'success': confirm v" + info.firmwareVersion() + " so the next case starts from a confirmed image");
            TestAppSession.command(console, "success");
            info = TestAppSession.info(console);
            if (info.bootState() != PartitionState.CONFIRMED) {
                throw StepFailure.product("after 'success' v" + info.firmwareVersion() + " is " + info.bootState()
                        + ", expected CONFIRMED");
            }
        }
        return new BoardState(info.firmwareVersion(), info.bootState());
    }
}
