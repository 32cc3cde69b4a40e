package io.bootrig.rig.qualify;

import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowListener;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.FlowRunner;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.flow.Step;
import io.bootrig.rig.flow.StepContext;
import io.bootrig.rig.flow.StepFailure;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keystore qualification on one sacrificial board. Setup, stopping at the first failure: {@code lint} (errors
 * refuse), {@code boot-image} (v1 for provisioning), the provision flow's steps (guards included: the board must be
 * sacrificial or the OTP write confirmed), {@code otp-fingerprints} (each slot read back from OTP against the
 * keystore). Then the matrix, one step per case: a case that fails is recorded and the next runs, unless the rig
 * failed or the board was left in no known state.
 */
public final class QualificationFlow {
    public static final String SETUP = "qualify-setup";
    public static final String MATRIX = "qualify-matrix";

    private final BoardSession session;
    private final QualificationPlan plan;
    private final QualificationFirmware firmware;
    private final boolean confirmOtp;
    private final Path imagesDir;
    private final List<CaseResult> rows = new ArrayList<>();
    private List<OtpSlotCheck> otp = List.of();
    private BoardState board;
    private String lost;

    /**
     * @param confirmOtp the operator confirmed writing the OTP of a board not tagged sacrificial
     * @param imagesDir  where the images signed here go (they hold no private key)
     */
    public QualificationFlow(BoardSession session, QualificationPlan plan, QualificationFirmware firmware,
            boolean confirmOtp, Path imagesDir) {
        this.session = session;
        this.plan = plan;
        this.firmware = firmware;
        this.confirmOtp = confirmOtp;
        this.imagesDir = imagesDir;
    }

    public QualificationReport run(FlowListener listener) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        String boardName = session.board().name();
        FlowReport setup;
        Optional<FlowReport> matrix = Optional.empty();
        try (CaseImages images = new CaseImages(imagesDir, firmware.payload(), plan.layout(), started.getEpochSecond())) {
            List<Step> steps = new ArrayList<>();
            steps.add(Step.reading("lint", "lint the keystore: slot ids, types, sizes, valid keys, duplicates, masks, "
                    + "OTP fit", this::lint));
            Map<String, Object> initial = Map.of();
            if (plan.lintClean()) {
                Path boot = bootImage(images);
                steps.add(Step.reading("boot-image", "the v1 application provisioning flashes",
                        ctx -> makeBootImage(ctx, images, boot)));
                ProvisionFlow provision = new ProvisionFlow(session, provisionInputs(boot));
                steps.addAll(provision.steps());
                steps.add(Step.reading("otp-fingerprints", "read the OTP back: each slot's type, mask and key SHA-256 "
                        + "against the keystore", this::otpFingerprints));
                initial = provision.inputsRecord();
            }
            setup = new FlowRunner().run(SETUP, boardName, steps, false, listener, initial);
            if (setup.passed()) {
                board = new BoardState((Long) setup.results().get("firmwareVersion"),
                        PartitionState.valueOf((String) setup.results().get("firmwareState")));
                matrix = Optional.of(new FlowRunner().runCases(MATRIX, boardName,
                        caseSteps(new CaseRunner(session, plan, images)), listener, Map.of()));
            }
        }
        return new QualificationReport(plan, boardName, session.board().kind().name().toLowerCase(Locale.ROOT),
                QualificationReport.currentRigVersion(), started, Duration.ofNanos(System.nanoTime() - t0), setup,
                matrix, otp, everyRow(matrix.isPresent()));
    }

    private List<Step> caseSteps(CaseRunner runner) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.cases().size(); i++) {
            QualificationCase c = plan.cases().get(i);
            int index = i + 1;
            steps.add(Step.writing(c.name(), c.title(), ctx -> runCase(ctx, runner, index, c)));
        }
        return steps;
    }

    /** A row for every case in the plan: the ones that never started are "not run". */
    private List<CaseResult> everyRow(boolean matrixRan) {
        List<CaseResult> all = new ArrayList<>();
        for (int i = 0; i < plan.cases().size(); i++) {
            int index = i + 1;
            all.add(rows.stream().filter(r -> r.index() == index).findFirst().orElse(CaseResult.notRun(index,
                    plan.cases().get(i), matrixRan ? "not run: an earlier case stopped the qualification"
                            : "not run: the setup failed")));
        }
        return all;
    }

    private ProvisionInputs provisionInputs(Path boot) {
        byte[] expectedOtp;
        if (plan.format() == KeystoreFormat.OTP) {
            expectedOtp = plan.keystoreBytes();
        } else {
            expectedOtp = OtpImage.build(plan.keystore());
        }
        return new ProvisionInputs(plan.keystore(), plan.format(), plan.keystoreFile().toString(), expectedOtp,
                plan.layout(), firmware.primer(), firmware.wolfBoot(), boot, confirmOtp, Optional.empty(),
                Optional.empty(), ProvisionInputs.OTP_WAIT, ProvisionInputs.BOOT_WAIT);
    }

    private Path bootImage(CaseImages images) {
        return plan.bootImage() instanceof ImageRecipe.PreSigned p ? p.file() : images.fileFor("00-boot", 1);
    }

    private void lint(StepContext ctx) throws StepFailure {
        List<LintFinding> errors = new ArrayList<>();
        for (LintFinding f : plan.lint()) {
            if (f.severity() == LintFinding.Severity.ERROR) {
                errors.add(f);
                ctx.note(f.toString());
            } else {
                ctx.warning(f.toString());
            }
        }
        if (!errors.isEmpty()) {
            throw StepFailure.refused(plan.keystoreFile() + ": " + errors.size() + " lint error(s), first: " + errors.get(0)
                    + "; a keystore with lint errors is not qualified, nothing was written");
        }
        ctx.summary(plan.keystore().size() + " slots, no lint errors" + (plan.lint().isEmpty() ? ""
                : ", " + plan.lint().size() + " warning(s)"));
    }

    private void makeBootImage(StepContext ctx, CaseImages images, Path boot) throws Exception {
        if (plan.bootImage() instanceof ImageRecipe.PreSigned) {
            ctx.skip("given: " + boot);
            return;
        }
        ImageRecipe.Signed recipe = (ImageRecipe.Signed) plan.bootImage();
        CaseImages.Made made = images.make("00-boot", recipe, 0).orElseThrow();
        ctx.summary(made.file().getFileName() + ": v1, partition id 1, signed by slot " + recipe.key().slot().slotId()
                + " (" + recipe.key().file() + ")");
    }

    private void otpFingerprints(StepContext ctx) throws Exception {
        OtpImage read;
        try {
            read = OtpImage.parse("the OTP read back from " + session.board().name(), session.chip().readOtp());
        } catch (FormatException e) {
            throw StepFailure.product("the OTP holds no wolfBoot keystore after provisioning: " + e.getMessage());
        }
        otp = OtpSlotCheck.compare(plan.keystore(), read.keystore());
        otp.forEach(c -> ctx.note(c.describe()));
        List<String> problems = new ArrayList<>();
        otp.stream().filter(c -> !c.matches()).forEach(c -> problems.add(c.describe()));
        if (read.keystore().size() != plan.keystore().size()) {
            problems.add("the OTP holds " + read.keystore().size() + " keys, the keystore " + plan.keystore().size());
        }
        if (!problems.isEmpty()) {
            throw StepFailure.product("the OTP does not hold " + plan.keystoreFile() + ": " + String.join("; ", problems));
        }
        ctx.summary(otp.size() + " slot(s): type, mask and key SHA-256 as in the keystore");
    }

    private void runCase(StepContext ctx, CaseRunner runner, int index, QualificationCase c) throws Exception {
        if (lost != null) {
            rows.add(CaseResult.notRun(index, c, "not run: " + lost));
            ctx.skip("not run: " + lost);
            return;
        }
        Instant started = Instant.now();
        CaseRunner.Outcome outcome;
        try {
            outcome = runner.run(index, c, board, ctx);
        } catch (StepFailure e) {
            rows.add(CaseResult.notSent(index, c, board, e.kind(), "not sent: " + e.getMessage(), started));
            throw e;
        } catch (Exception e) {
            FailureKind kind = e instanceof FormatException ? FailureKind.INPUT : FailureKind.INFRASTRUCTURE;
            rows.add(CaseResult.notSent(index, c, board, kind, "not sent: " + e.getMessage(), started));
            throw e;
        }
        CaseResult row = outcome.row();
        rows.add(row);
        outcome.after().ifPresentOrElse(s -> board = s,
                () -> lost = "case '" + c.name() + "' left the board in no known state");
        switch (row.verdict()) {
            case PASS -> ctx.summary("pass: " + row.detail());
            case NOT_RUN -> ctx.skip(row.detail());
            case FAIL -> throw new StepFailure(row.failure().orElse(FailureKind.PRODUCT), row.detail());
        }
    }
}
