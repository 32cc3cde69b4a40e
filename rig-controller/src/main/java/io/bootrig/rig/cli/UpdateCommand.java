package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.UpdateFlow;
import io.bootrig.rig.flow.UpdateInputs;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rig update}: an XMODEM update through the test application's console, checked to CONFIRMED. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Update the running test application: 'update', XMODEM transfer, the application's messages, "
                + "'reboot', the new version in TESTING, 'success', CONFIRMED. Every message the board printed is "
                + "reported, and the transcript keeps every byte.",
                "Sign the image first with 'rig image sign' (or take wolfBoot's image_v2_signed.bin).",
                "Exit 0 = the board did what --expect says, 1 = it did not, 2 = bad input, 3 = infrastructure."})
final class UpdateCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "the signed update image")
    Path image;

    @Option(names = "--keystore", paramLabel = "FILE",
            description = "the board's keystore (keystore.c, .der or otp.bin): the image's verdict is predicted and reported")
    Path keystore;

    @Option(names = "--config", paramLabel = "FILE", description = "wolfBoot .config (default: the board's)")
    Path config;

    @Option(names = "--expect", paramLabel = "accepted|refused", defaultValue = "accepted",
            description = "accepted: the new version boots (default); refused: the running version must keep booting")
    String expect;

    @Option(names = "--no-confirm", description = "leave the new version in TESTING (do not run 'success')")
    boolean noConfirm;

    @Option(names = "--boot-wait", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "how long wolfBoot may take to start the application after reboot (default ${DEFAULT-VALUE})")
    Duration bootWait;

    @Option(names = "--json", description = "print the run record as JSON (progress goes to standard error)")
    boolean json;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        UpdateInputs.Expectation expectation = switch (expect) {
            case "accepted" -> UpdateInputs.Expectation.ACCEPTED;
            case "refused" -> UpdateInputs.Expectation.REFUSED;
            default -> throw RigException.badInput("--expect: '" + expect + "' must be accepted or refused");
        };
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        PartitionLayout layout = ConfigSupport.layout(config != null ? config : selection.board().wolfbootConfig());
        Optional<Keystore> keys = Optional.empty();
        if (keystore != null) {
            keys = Optional.of(KeystoreFiles.parse(keystore.toString(), Inputs.read(keystore)));
        }
        Inputs.read(image);
        UpdateInputs inputs = new UpdateInputs(image, layout, keys, expectation, !noConfirm, UpdateInputs.testAppXmodem(),
                bootWait);
        var out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "update", spec.commandLine().getErr())) {
            UpdateFlow flow = new UpdateFlow(access.session(), inputs);
            FlowReport report = FlowCommands.run(access, UpdateFlow.NAME, flow.steps(), false,
                    java.util.Map.of("image", image.toString()), out, rig.interactive() && !json, List.of());
            return FlowCommands.finish(spec, json, out, access, report);
        }
    }
}
