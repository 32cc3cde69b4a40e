package io.bootrig.rig.flow;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.inventory.BoardSpec;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.stm32h5.DesiredOptions;
import io.bootrig.rig.stm32h5.Identity;
import io.bootrig.rig.stm32h5.OptionBytes;
import io.bootrig.rig.stm32h5.ProductState;
import io.bootrig.rig.stm32h5.ResetMode;
import io.bootrig.rig.stm32h5.SecureWatermark;
import io.bootrig.rig.stm32h5.Stm32h5;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.SecureWatermarks;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.KeystoreLinter;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.keystore.SlotSummary;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The STM32H5 OTP-keystore procedure (wolfBoot docs/flash-OTP.md) as named steps: guards first, then option bytes,
 * the primer, OTP read-back, mass erase, wolfBoot and the signed application, and the first boot. Nothing is written
 * unless every guard of the preflight passed; the OTP is written only by the primer, only when it is blank.
 */
public final class ProvisionFlow {
    public static final String NAME = "provision";
    /** The STM32H563/H573 device id (DBGMCU_IDCODE.DEV_ID). */
    public static final int DEVICE_ID = Identity.STM32H56X;

    private final BoardSession session;
    private final ProvisionInputs in;

    public ProvisionFlow(BoardSession session, ProvisionInputs inputs) {
        this.session = session;
        this.in = inputs;
    }

    public List<Step> steps() {
        return List.of(
                Step.reading("preflight", "check the board, the OTP and the inputs before any write", this::preflight),
                Step.writing("option-bytes", "TrustZone on (TZEN=0xB4), banks unswapped, secure watermarks for wolfBoot's area",
                        this::optionBytes),
                Step.writing("erase-for-primer", "mass erase so the primer can be programmed", this::eraseForPrimer),
                Step.writing("flash-primer", "program the OTP keystore primer at the secure alias", this::flashPrimer),
                Step.writing("run-primer", "reset and let the primer program the OTP", this::runPrimer),
                Step.reading("wait-otp", "wait until the OTP holds the expected header and keys", this::waitOtp),
                Step.reading("verify-otp", "read the OTP back and compare it byte by byte (UDS excluded)",
                        this::verifyOtp),
                Step.writing("mass-erase", "mass erase the flash (removes the primer)", this::massErase),
                Step.reading("otp-intact", "check the OTP survived the mass erase", this::otpIntact),
                Step.writing("flash-wolfboot", "program wolfBoot at the secure alias", this::flashWolfBoot),
                Step.writing("flash-application", "program the signed application at the BOOT partition",
                        this::flashApplication),
                Step.writing("boot", "reset; the banner and 'info' show the version and the OTP keys", this::boot));
    }

    /** Seeds for the runner: what the record should show about the inputs. */
    public Map<String, Object> inputsRecord() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keystore", in.keystoreSource());
        m.put("config", in.layout().source());
        m.put("primer", in.primer().toString());
        m.put("wolfboot", in.wolfBoot().toString());
        m.put("application", in.application().toString());
        return Map.of("inputs", m);
    }

    private Stm32h5 chip() {
        return session.chip();
    }

    private void preflight(StepContext ctx) throws Exception {
        List<String> refusals = new ArrayList<>();
        BoardSpec board = session.board();
        PartitionLayout layout = in.layout();

        Identity id = chip().identity();
        ctx.note(String.format("device 0x%03X rev 0x%04X, UID %s, %d KB flash", id.deviceId(), id.revisionId(), id.uid(),
                id.flashKb()));
        ctx.result("identity", Map.of("deviceId", String.format("0x%03X", id.deviceId()), "uid", id.uid(),
                "flashKb", id.flashKb()));
        if (id.deviceId() != DEVICE_ID) {
            refusals.add(String.format("device id is 0x%03X, expected 0x%03X (STM32H56x/H57x): wrong board or target",
                    id.deviceId(), DEVICE_ID));
        }
        OptionBytes ob = id.options();
        ctx.note("option bytes: TZEN 0x" + hex2(ob.tzen()) + ", SWAP_BANK " + (ob.swapBank() ? 1 : 0) + ", SECWM1 "
                + ob.secwm1() + ", SECWM2 " + ob.secwm2() + ", product state " + ob.productState());
        if (ob.productState() != ProductState.OPEN) {
            refusals.add("product state is " + ob.productState() + ", expected OPEN: option bytes and flash cannot be "
                    + "provisioned by the debugger");
        }
        if (ob.swapBank()) {
            ctx.note("SWAP_BANK is 1 (an earlier update swapped the banks): the option-bytes step sets it back to 0");
        }

        byte[] otp = chip().readOtp();
        OtpState state = OtpState.of(in.expectedOtp(), otp);
        ctx.result("otpBefore", state.kind().name().toLowerCase());
        switch (state.kind()) {
            case BLANK -> ctx.note("OTP is blank: the primer will write the keystore");
            case EXPECTED -> ctx.note("OTP already holds the expected keystore: the primer steps are skipped");
            case OTHER -> refusals.add("OTP holds other data than the expected keystore (" + state.describe()
                    + "); OTP is write-once, so this board cannot take " + in.keystoreSource());
        }
        if (state.kind() == OtpState.Kind.BLANK && !board.sacrificial() && !in.confirmOtp()) {
            refusals.add("board " + board.name() + " is not tagged 'sacrificial: true' (" + board.source()
                    + "); writing its OTP is irreversible: give --confirm-otp to proceed");
        }

        List<LintFinding> lint = new KeystoreLinter(false, true).lint(in.keystore(), in.keystoreFormat());
        for (LintFinding f : lint) {
            if (f.severity() == LintFinding.Severity.ERROR) {
                refusals.add("keystore lint: " + f);
            } else {
                ctx.warning("keystore lint: " + f);
            }
        }
        if (!layout.trustZone()) {
            refusals.add(layout.source() + ": TZEN is not 1; the OTP keystore procedure needs a TrustZone build");
        }
        if (!layout.otpKeystore()) {
            ctx.warning(layout.source() + ": FLASH_OTP_KEYSTORE is not 1; wolfBoot will not read the keys from OTP");
        }
        checkFits(refusals, in.primer(), layout.bootloaderSize(), "the primer", "wolfBoot's area");
        checkFits(refusals, in.wolfBoot(), layout.bootloaderSize(), "wolfboot.bin", "wolfBoot's area");
        SignedImage app = SignedImage.parse(in.application().toString(), Files.readAllBytes(in.application()),
                OptionalInt.of(layout.headerSize()));
        Verdict v = ImageVerifier.verify(app, in.keystore(), OptionalInt.of(1), Optional.of(layout.sign()));
        if (!v.accepted()) {
            refusals.add(in.application() + " would not boot with this keystore: "
                    + v.reason().map(RejectReason::label).orElse("?") + " (" + v.detail() + ")");
        }
        if (app.bytes().length > layout.maxSignedImageSize()) {
            refusals.add(in.application() + " is " + app.bytes().length + " bytes; the BOOT partition takes at most "
                    + layout.maxSignedImageSize());
        }
        long version = app.version().orElse(0);
        ctx.result("expectedVersion", version);
        ctx.result("keys", OtpRecords.keys(in.keystore()));

        if (!refusals.isEmpty()) {
            throw StepFailure.refused(String.join("; ", refusals) + " — nothing was written");
        }
        ctx.summary("device 0x484, OPEN, OTP " + state.kind().name().toLowerCase() + ", keystore lint clean, "
                + "application v" + version + " verifies");
    }

    private void checkFits(List<String> refusals, Path file, long room, String what, String where) throws IOException {
        long size = Files.size(file);
        if (size > room) {
            refusals.add(what + " (" + file + ") is " + size + " bytes; " + where + " is " + room);
        }
    }

    private void optionBytes(StepContext ctx) throws Exception {
        OptionBytes now = chip().readOptionBytes();
        SecureWatermark wm1 = watermark(ctx, 1, in.operatorSecwm1(), now.secwm1());
        SecureWatermark wm2 = watermark(ctx, 2, in.operatorSecwm2(), now.secwm2());
        DesiredOptions desired = DesiredOptions.none().withTzen(OptionBytes.TZEN_ENABLED).withSwapBank(false)
                .withSecwm1(wm1).withSecwm2(wm2);
        List<String> planned = new ArrayList<>();
        if (now.tzen() != OptionBytes.TZEN_ENABLED) {
            planned.add("TZEN 0x" + hex2(now.tzen()) + " -> 0xB4");
        }
        if (now.swapBank()) {
            planned.add("SWAP_BANK 1 -> 0");
        }
        if (!wm1.equals(now.secwm1())) {
            planned.add("SECWM1 " + now.secwm1() + " -> " + wm1);
        }
        if (!wm2.equals(now.secwm2())) {
            planned.add("SECWM2 " + now.secwm2() + " -> " + wm2);
        }
        if (planned.isEmpty()) {
            ctx.skip("already TZEN=0xB4, SWAP_BANK=0, SECWM1 " + wm1 + ", SECWM2 " + wm2);
            return;
        }
        for (String p : planned) {
            ctx.write("option bytes: " + p);
        }
        if (ctx.dryRun()) {
            return;
        }
        List<String> changed = chip().programOptionBytes(desired);
        ctx.summary(String.join(", ", changed));
        ctx.result("optionBytes", Map.of("tzen", "0xB4", "secwm1", wm1.toString(), "secwm2", wm2.toString()));
    }

    /** What the layout needs in bank {@code bank}; the operator's value wins only when it covers that. */
    private SecureWatermark watermark(StepContext ctx, int bank, Optional<io.bootrig.wolfboot.config.SecureWatermark> asked,
            SecureWatermark current) {
        io.bootrig.wolfboot.config.SecureWatermark need = SecureWatermarks.required(in.layout(), bank);
        SecureWatermark needed = need.isEmpty() ? (current.isEmpty() ? current : SecureWatermark.NONE)
                : new SecureWatermark(need.startSector(), need.endSector());
        if (asked.isEmpty() || asked.get().sameRange(need)) {
            return needed;
        }
        io.bootrig.wolfboot.config.SecureWatermark a = asked.get();
        boolean covers = need.isEmpty() || (!a.isEmpty() && a.startSector() <= need.startSector()
                && a.endSector() >= need.endSector());
        String why = SecureWatermarks.pieces(in.layout(), bank).stream().map(SecureWatermarks.SecurePiece::what)
                .reduce((x, y) -> x + ", " + y).orElse("nothing secure in this bank");
        if (covers) {
            ctx.warning("SECWM" + bank + ": using the requested " + a + ", wider than the " + need + " the config needs ("
                    + why + ")");
            return a.isEmpty() ? SecureWatermark.NONE : new SecureWatermark(a.startSector(), a.endSector());
        }
        ctx.warning("SECWM" + bank + ": the requested " + a + " does not cover " + need + ", which " + in.layout().source()
                + " needs (" + why + "); using " + need);
        return needed;
    }

    private boolean otpAlreadyExpected(StepContext ctx) {
        return "expected".equals(ctx.get("otpBefore", String.class));
    }

    private void eraseForPrimer(StepContext ctx) throws Exception {
        if (otpAlreadyExpected(ctx)) {
            ctx.skip("OTP already provisioned: no primer needed");
            return;
        }
        if (ctx.write("mass erase (both banks; OTP and option bytes stay)")) {
            chip().massErase();
        }
    }

    private long secureFlashStart() {
        return in.layout().wolfBootArea().address();
    }

    private void flashPrimer(StepContext ctx) throws Exception {
        if (otpAlreadyExpected(ctx)) {
            ctx.skip("OTP already provisioned: no primer needed");
            return;
        }
        program(ctx, in.primer(), secureFlashStart());
    }

    private void runPrimer(StepContext ctx) throws Exception {
        if (otpAlreadyExpected(ctx)) {
            ctx.skip("OTP already provisioned: no primer needed");
            return;
        }
        if (ctx.write("reset and run: the primer programs " + in.keystore().size() + " keys into OTP (irreversible)")) {
            chip().reset(ResetMode.RUN);
        }
    }

    private void waitOtp(StepContext ctx) throws Exception {
        if (otpAlreadyExpected(ctx)) {
            ctx.skip("OTP already provisioned");
            return;
        }
        if (ctx.dryRun()) {
            ctx.skip("dry run: the primer did not run");
            return;
        }
        long deadline = System.nanoTime() + in.otpWait().toNanos();
        OtpState state;
        int polls = 0;
        while (true) {
            state = OtpState.of(in.expectedOtp(), chip().readOtp());
            polls++;
            if (state.kind() == OtpState.Kind.EXPECTED) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw StepFailure.product("the primer did not leave the expected keystore in OTP within "
                        + in.otpWait().toSeconds() + " s (OTP is " + state.kind().name().toLowerCase()
                        + (state.kind() == OtpState.Kind.OTHER ? ", " + state.describe() : "") + ")");
            }
            ctx.progress(polls, 0, "reads");
        }
        ctx.summary("OTP holds the header and " + in.keystore().size() + " keys after " + polls + " read(s)");
    }

    private void verifyOtp(StepContext ctx) throws Exception {
        if (ctx.dryRun() && !otpAlreadyExpected(ctx)) {
            ctx.skip("dry run: nothing to read back yet");
            return;
        }
        byte[] otp = chip().readOtp();
        OtpState state = OtpState.of(in.expectedOtp(), otp);
        if (state.kind() != OtpState.Kind.EXPECTED) {
            throw StepFailure.product("OTP read-back differs from the expected image: " + state.describe());
        }
        OtpImage parsed = OtpImage.parse("OTP read-back", otp);
        ctx.result("otpHeader", OtpRecords.header(parsed));
        ctx.note("\"WOLFBOOT\" header: " + parsed.header().itemCount() + " keys, version "
                + String.format("0x%08X", parsed.header().version()));
        for (SlotSummary s : SlotSummary.of(parsed.keystore())) {
            ctx.note("slot " + s.index() + ": " + s.keyType() + ", mask " + s.maskHex() + ", SHA-256 " + s.fingerprint());
        }
        ctx.summary("2048 bytes compared: header and " + parsed.keystore().size() + " keys as expected (UDS excluded)");
    }

    private void massErase(StepContext ctx) throws Exception {
        if (ctx.write("mass erase (both banks; OTP and option bytes stay)")) {
            chip().reset(ResetMode.HALT);
            chip().massErase();
        }
    }

    private void otpIntact(StepContext ctx) throws Exception {
        if (ctx.dryRun() && !otpAlreadyExpected(ctx)) {
            ctx.skip("dry run: nothing to read back yet");
            return;
        }
        OtpState state = OtpState.of(in.expectedOtp(), chip().readOtp());
        if (state.kind() != OtpState.Kind.EXPECTED) {
            throw StepFailure.product("after the mass erase the OTP no longer holds the expected keystore: "
                    + state.kind().name().toLowerCase() + (state.kind() == OtpState.Kind.OTHER ? ", " + state.describe() : ""));
        }
        ctx.summary("OTP unchanged by the mass erase");
    }

    private void flashWolfBoot(StepContext ctx) throws Exception {
        program(ctx, in.wolfBoot(), secureFlashStart());
    }

    private void flashApplication(StepContext ctx) throws Exception {
        program(ctx, in.application(), in.layout().boot().address());
    }

    private void program(StepContext ctx, Path file, long address) throws Exception {
        long size = Files.size(file);
        if (ctx.write(String.format("program %s (%d bytes) at 0x%08X", file.getFileName(), size, address))) {
            chip().program(file, address, (op, done, total) -> ctx.progress(done, total, "bytes"));
            ctx.summary(String.format("%d bytes at 0x%08X, read back and compared", size, address));
        }
    }

    private void boot(StepContext ctx) throws Exception {
        long expected = ctx.get("expectedVersion", Long.class);
        if (!ctx.write("reset and run: wolfBoot verifies and starts v" + expected)) {
            return;
        }
        Console console = session.console();
        console.discardPending();
        chip().reset(ResetMode.RUN);
        TestAppSession.Boot boot = TestAppSession.awaitBoot(console, in.bootWait());
        ctx.note("banner: " + boot.banner().title() + ", Version : 0x" + Long.toHexString(boot.banner().version()));
        var info = TestAppSession.info(console);
        ctx.note("info: firmware version 0x" + Long.toHexString(info.firmwareVersion()) + ", state " + info.bootState()
                + ", " + info.keystore().map(k -> k.keys().size()).orElse(0) + " keys");
        ctx.result("firmwareVersion", info.firmwareVersion());
        ctx.result("firmwareState", info.bootState().name());
        if (boot.banner().version() != expected || info.firmwareVersion() != expected) {
            throw StepFailure.product("the board runs version 0x" + Long.toHexString(info.firmwareVersion())
                    + " (banner 0x" + Long.toHexString(boot.banner().version()) + "), expected 0x" + Long.toHexString(expected));
        }
        List<String> keyDiffs = KeysOnBoard.differences(info, in.keystore());
        if (!keyDiffs.isEmpty()) {
            throw StepFailure.product("the keys 'info' shows are not the OTP keystore: " + String.join("; ", keyDiffs));
        }
        ctx.summary("v" + expected + " boots (" + info.bootState() + "), 'info' lists the " + in.keystore().size()
                + " OTP keys");
    }

    private static String hex2(int v) {
        return String.format("%02X", v);
    }
}
