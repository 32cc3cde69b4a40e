package io.bootrig.rig.flow;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.ConsoleMatch;
import io.bootrig.rig.console.ExpectTimeoutException;
import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.console.UnexpectedOutputException;
import io.bootrig.rig.console.UpdateReport;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.xmodem.SendResult;
import io.bootrig.rig.xmodem.XmodemException;
import io.bootrig.rig.xmodem.XmodemSender;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.RejectReason;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * An XMODEM update through the test application's console, as an engineer does it by hand: {@code update}, the
 * transfer, the application's messages, {@code reboot}, the new version in TESTING, {@code success}, CONFIRMED.
 * Every message the board printed is kept in the step notes.
 */
public final class UpdateFlow {
    public static final String NAME = "update";
    private static final Pattern WAITING = Pattern.compile("Waiting for XMODEM transfer\\.\\.\\.\\r?\\n");
    private static final Pattern AFTER_TRANSFER = Pattern.compile(
            "End of transfer\\. ret: -?\\d+[\\s\\S]*?\\r?\\n" + Pattern.quote(Console.PROMPT));

    private final BoardSession session;
    private final UpdateInputs in;
    private SignedImage image;

    public UpdateFlow(BoardSession session, UpdateInputs inputs) {
        this.session = session;
        this.in = inputs;
    }

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(List.of(
                Step.reading("image", "read the update image's header (and predict wolfBoot's verdict)", this::image),
                Step.reading("current", "the application is at its prompt; 'info' gives the running version",
                        this::current),
                Step.writing("start-update", "'update': the application erases the UPDATE partition and waits",
                        this::startUpdate),
                Step.writing("xmodem", "send the image by XMODEM (128-byte blocks, checksum)", this::xmodem),
                Step.reading("update-messages", "the application reports the transfer and triggers the update",
                        this::updateMessages),
                Step.writing("reboot", "'reboot': wolfBoot verifies the candidate and swaps banks", this::reboot)));
        if (in.expect() == UpdateInputs.Expectation.ACCEPTED && in.confirm()) {
            steps.add(Step.writing("confirm", "'success': the new version is CONFIRMED", this::confirm));
        }
        return steps;
    }

    private void image(StepContext ctx) throws Exception {
        image = SignedImage.parse(in.image().toString(), Files.readAllBytes(in.image()),
                OptionalInt.of(in.layout().headerSize()));
        long version = image.version().orElse(0);
        ctx.result("imageVersion", version);
        ctx.note(in.image().getFileName() + ": version " + version + ", " + image.bytes().length + " bytes, partition id "
                + image.partitionId().orElse(-1));
        if (image.bytes().length > in.layout().maxSignedImageSize()) {
            throw new StepFailure(FailureKind.INPUT, in.image() + " is " + image.bytes().length + " bytes; the UPDATE "
                    + "partition takes at most " + in.layout().maxSignedImageSize());
        }
        if (in.keystore().isPresent()) {
            Verdict v = ImageVerifier.verify(image, in.keystore().get(), updatePartitionRule(), Optional.of(in.layout().sign()));
            String verdict = v.reason().map(RejectReason::label).orElse("accepted");
            ctx.result("predictedVerdict", verdict);
            ctx.note(v.accepted() ? "the keystore accepts it (slot " + v.slot().orElse(-1) + ")"
                    : "wolfBoot should reject it: " + verdict + " (" + v.detail() + ")");
            if (!v.accepted() && in.expect() == UpdateInputs.Expectation.ACCEPTED) {
                ctx.warning("the keystore rejects this image (" + verdict + "), but the flow expects it to boot");
            }
        }
        ctx.summary("v" + version + ", " + image.bytes().length + " bytes");
    }

    /**
     * The partition id an update must carry: DUALBANK wolfBoot (update_flash_hwswap.c) checks it only against the key's
     * mask, the swap-based updater (update_flash.c) also requires 1 ("Update type invalid").
     */
    private OptionalInt updatePartitionRule() {
        return in.layout().dualBankSwap() ? OptionalInt.empty() : OptionalInt.of(1);
    }

    private void current(StepContext ctx) throws Exception {
        Console console = session.console();
        TestAppSession.atPrompt(console, Duration.ofSeconds(3));
        SystemInfo info = TestAppSession.info(console);
        ctx.result("versionBefore", info.firmwareVersion());
        ctx.result("stateBefore", info.bootState().name());
        info.banksSwapped().ifPresent(swapped -> ctx.result("banksSwappedBefore", swapped));
        ctx.summary("running v" + info.firmwareVersion() + " (" + info.bootState() + ")");
    }

    private void startUpdate(StepContext ctx) throws Exception {
        if (!ctx.write("'update': erase the UPDATE partition (" + in.layout().partitionSize() / 1024 + " KB)")) {
            return;
        }
        Console console = session.console();
        console.marker("update: sending 'update'");
        console.send("update");
        ConsoleMatch m = expect(console, WAITING, "'Waiting for XMODEM transfer...' after 'update'");
        for (String line : lines(m.before() + m.text())) {
            ctx.note("board: " + line);
        }
        ctx.summary("the application erased UPDATE and waits for XMODEM");
    }

    private void xmodem(StepContext ctx) throws Exception {
        if (!ctx.write("XMODEM: " + image.bytes().length + " bytes into the UPDATE partition")) {
            return;
        }
        Console console = session.console();
        SendResult r;
        try (ByteLink link = console.asByteLink()) {
            r = new XmodemSender(link, in.xmodem()).send(image.bytes(),
                    (block, acked, total) -> ctx.progress(acked, total, "bytes"));
        } catch (XmodemException e) {
            e.timeline().ifPresent(t -> ctx.result("xmodemTimeline", t.lines()));
            throw e;
        }
        ctx.result("xmodemTimeline", r.timeline().lines());
        ctx.result("xmodem", java.util.Map.of("bytes", r.bytes(), "blocks", r.blocks(), "seconds",
                r.elapsed().toMillis() / 1000.0, "bytesPerSecond", Math.round(r.bytesPerSecond()),
                "naks", r.timeline().totalNaks(), "transmissions", r.timeline().totalTransmissions()));
        ctx.summary(String.format("%d blocks in %.1f s (%.0f B/s, %d NAKs)", r.blocks(), r.elapsed().toMillis() / 1000.0,
                r.bytesPerSecond(), r.timeline().totalNaks()));
    }

    private void updateMessages(StepContext ctx) throws Exception {
        if (ctx.dryRun()) {
            ctx.skip("dry run");
            return;
        }
        Console console = session.console();
        ConsoleMatch m = expect(console, AFTER_TRANSFER, "'End of transfer. ret: N' and the prompt after the transfer");
        String text = m.before() + m.text();
        List<String> messages = lines(text);
        messages.forEach(l -> ctx.note("board: " + l));
        ctx.result("updateMessages", messages);
        UpdateReport report;
        try {
            report = UpdateReport.parse(text);
        } catch (UnexpectedOutputException e) {
            throw StepFailure.product(e.getMessage());
        }
        if (!report.transferSucceeded() || report.flashError()) {
            throw StepFailure.product("the application reports a failed transfer: ret " + report.ret()
                    + (report.flashError() ? ", 'Error writing to flash'" : ""));
        }
        long version = image.version().orElse(0);
        if (report.newVersion().isEmpty() || report.newVersion().getAsLong() != version) {
            throw StepFailure.product("the application read version " + (report.newVersion().isPresent()
                    ? "0x" + Long.toHexString(report.newVersion().getAsLong()) : "none ('No valid image in update partition')")
                    + " from UPDATE, expected 0x" + Long.toHexString(version));
        }
        if (!report.triggered() || !report.written()) {
            throw StepFailure.product("the application did not confirm the trigger ('Triggering update...' and "
                    + "'Update written successfully. Reboot to apply.')");
        }
        ctx.summary("transfer succeeded, new version 0x" + Long.toHexString(version) + ", update triggered");
    }

    private void reboot(StepContext ctx) throws Exception {
        long version = image.version().orElse(0);
        long before = ctx.get("versionBefore", Long.class);
        if (!ctx.write("'reboot': wolfBoot " + (in.expect() == UpdateInputs.Expectation.ACCEPTED
                ? "swaps to v" + version : "must keep v" + before))) {
            return;
        }
        Console console = session.console();
        console.discardPending();
        console.send("reboot");
        TestAppSession.Boot boot = TestAppSession.awaitBoot(console, in.bootWait());
        SystemInfo info = boot.info();
        ctx.note("after reboot: version 0x" + Long.toHexString(info.firmwareVersion()) + ", state " + info.bootState()
                + info.banksSwapped().map(s -> s ? ", banks swapped" : ", banks not swapped").orElse(""));
        ctx.result("versionAfter", info.firmwareVersion());
        ctx.result("stateAfter", info.bootState().name());
        info.banksSwapped().ifPresent(swapped -> ctx.result("banksSwappedAfter", swapped));
        if (in.expect() == UpdateInputs.Expectation.ACCEPTED) {
            if (info.firmwareVersion() != version) {
                throw StepFailure.product("after reboot the board runs v" + info.firmwareVersion() + ", expected v" + version
                        + " (wolfBoot did not take the update)");
            }
            if (info.bootState() != PartitionState.TESTING) {
                throw StepFailure.product("v" + version + " boots in state " + info.bootState() + ", expected TESTING");
            }
            ctx.summary("v" + version + " boots in TESTING");
        } else {
            if (info.firmwareVersion() != before) {
                throw StepFailure.product("after reboot the board runs v" + info.firmwareVersion() + ", expected v" + before
                        + " to keep running (the update should have been refused)");
            }
            ctx.summary("v" + before + " still boots (" + info.bootState() + "): the update was refused");
        }
    }

    private void confirm(StepContext ctx) throws Exception {
        if (!ctx.write("'success': mark the running image CONFIRMED")) {
            return;
        }
        Console console = session.console();
        String out = TestAppSession.command(console, "success");
        lines(out).forEach(l -> ctx.note("board: " + l));
        if (!out.contains("update success confirmed.")) {
            throw StepFailure.product("'success' did not print 'update success confirmed.'");
        }
        SystemInfo info = TestAppSession.info(console);
        ctx.result("stateConfirmed", info.bootState().name());
        if (info.bootState() != PartitionState.CONFIRMED) {
            throw StepFailure.product("after 'success' the state is " + info.bootState() + ", expected CONFIRMED");
        }
        ctx.summary("v" + info.firmwareVersion() + " CONFIRMED");
    }

    private ConsoleMatch expect(Console console, Pattern p, String what) throws Exception {
        try {
            return console.expect(p, in.messageWait());
        } catch (ExpectTimeoutException e) {
            throw StepFailure.product("no " + what + " within " + in.messageWait().toMillis() / 1000.0
                    + " s; last output: \"" + e.recent() + "\"");
        }
    }

    /** Non-empty printable lines (the 10 bare CRs after a transfer and the prompt left out). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\\r\\n|\\n|\\r")) {
            String s = l.replace(Console.PROMPT, "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
