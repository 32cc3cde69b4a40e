package io.bootrig.rig.flow;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.session.BoardSession;
import io.bootrig.rig.stm32h5.Identity;
import io.bootrig.rig.stm32h5.ResetMode;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.otp.OtpImage;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * Is the board fit for a job: the debug port answers with the right device, the console answers, and the expected
 * firmware runs with the keys its OTP holds. Only reads, except one reset when the console is silent.
 */
public final class HealthFlow {
    public static final String NAME = "health";
    private static final Duration PROMPT_WAIT = Duration.ofSeconds(3);
    private static final Duration BOOT_WAIT = Duration.ofSeconds(30);

    private final BoardSession session;
    private final OptionalLong expectedVersion;

    public HealthFlow(BoardSession session, OptionalLong expectedVersion) {
        this.session = session;
        this.expectedVersion = expectedVersion;
    }

    public List<Step> steps() {
        return List.of(
                Step.reading("debug-port", "OpenOCD reads the device id and option bytes", this::debugPort),
                Step.reading("console", "the application answers at its prompt (one reset if silent)", this::console),
                Step.reading("firmware", "'info': the expected version runs with the keys the OTP holds", this::firmware));
    }

    private void debugPort(StepContext ctx) throws Exception {
        Identity id = session.chip().identity();
        ctx.result("deviceId", String.format("0x%03X", id.deviceId()));
        ctx.result("uid", id.uid());
        if (id.deviceId() != ProvisionFlow.DEVICE_ID) {
            throw StepFailure.infrastructure(String.format("the debug port reads device id 0x%03X, expected 0x%03X: "
                    + "another board or target is attached", id.deviceId(), ProvisionFlow.DEVICE_ID));
        }
        ctx.summary(String.format("device 0x%03X, UID %s, TZEN 0x%02X, product state %s", id.deviceId(), id.uid(),
                id.options().tzen(), id.options().productState()));
    }

    private void console(StepContext ctx) throws Exception {
        Console console = session.console();
        try {
            TestAppSession.atPrompt(console, PROMPT_WAIT);
            ctx.summary("prompt answered");
        } catch (StepFailure silent) {
            ctx.warning("no prompt on the console; resetting the board once");
            console.discardPending();
            session.chip().reset(ResetMode.RUN);
            TestAppSession.awaitBoot(console, BOOT_WAIT);
            ctx.summary("prompt after a reset");
        }
    }

    private void firmware(StepContext ctx) throws Exception {
        SystemInfo info = TestAppSession.info(session.console());
        ctx.result("firmwareVersion", info.firmwareVersion());
        ctx.result("firmwareState", info.bootState().name());
        if (expectedVersion.isPresent() && info.firmwareVersion() != expectedVersion.getAsLong()) {
            throw StepFailure.product("the board runs v" + info.firmwareVersion() + ", expected v"
                    + expectedVersion.getAsLong());
        }
        byte[] otp = session.chip().readOtp();
        OtpImage image;
        try {
            image = OtpImage.parse("the board's OTP", otp);
        } catch (FormatException e) {
            throw StepFailure.product("the OTP holds no wolfBoot keystore (" + e.problem() + "): the board is not provisioned");
        }
        List<String> diffs = KeysOnBoard.differences(info, image.keystore());
        if (!diffs.isEmpty()) {
            throw StepFailure.product("'info' and the OTP disagree: " + String.join("; ", diffs));
        }
        ctx.summary("v" + info.firmwareVersion() + " (" + info.bootState() + ") with the " + image.keystore().size()
                + " OTP keys");
    }
}
