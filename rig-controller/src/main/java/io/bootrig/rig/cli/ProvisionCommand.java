package io.bootrig.rig.cli;

import io.bootrig.board.firmware.FirmwareFiles;
import io.bootrig.board.firmware.FirmwareSet;
import io.bootrig.board.firmware.TestAppBehaviour;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.ProvisionFlow;
import io.bootrig.rig.flow.ProvisionInputs;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code rig provision}: the OTP-keystore procedure on one board, guarded; --dry-run lists the writes only. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Provision a board as wolfBoot's STM32H5 OTP-keystore procedure does: check every guard, set "
                + "TrustZone and the secure watermarks, run the OTP primer, read the OTP back, mass erase, flash wolfBoot "
                + "and the signed application, and check the first boot.",
                "Refuses before any write when: the device is not an STM32H56x, the product state is not OPEN, the OTP "
                + "holds anything but the expected keystore, the keystore has lint errors, or the board is not tagged "
                + "sacrificial and --confirm-otp is missing.",
                "Exit 0 = provisioned, 1 = refused or the board misbehaved, 2 = bad input, 3 = infrastructure."})
final class ProvisionCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--keystore", required = true, paramLabel = "FILE",
            description = "the keys the OTP must hold: keystore.c, keystore.der or otp.bin")
    Path keystore;

    @Option(names = "--image", required = true, paramLabel = "FILE", description = "the signed application (image_v1_signed.bin)")
    Path image;

    @Option(names = "--primer", paramLabel = "FILE",
            description = "otp-keystore-primer built with this keystore (virtual boards: built from --keystore if not given)")
    Path primer;

    @Option(names = "--wolfboot", paramLabel = "FILE",
            description = "wolfboot.bin built with the config (virtual boards: built from the config if not given)")
    Path wolfBoot;

    @Option(names = "--config", paramLabel = "FILE", description = "wolfBoot .config (default: the board's)")
    Path config;

    @Option(names = "--confirm-otp", description = "write the OTP of a board not tagged 'sacrificial: true' (irreversible)")
    boolean confirmOtp;

    @Option(names = "--dry-run", description = "run the checks, print every write it would do, write nothing")
    boolean dryRun;

    @Option(names = "--secwm1", paramLabel = "START-END", converter = SecureWatermarkConverter.class,
            description = "SECWM1 you intend (e.g. 0x00-0x1F): compared with what the config needs, which wins unless yours covers it")
    SecureWatermarkConverter.Range secwm1;

    @Option(names = "--secwm2", paramLabel = "START-END", converter = SecureWatermarkConverter.class,
            description = "SECWM2 you intend, likewise")
    SecureWatermarkConverter.Range secwm2;

    @Option(names = "--otp-wait", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "how long the primer may take (default ${DEFAULT-VALUE})")
    Duration otpWait;

    @Option(names = "--json", description = "print the run record as JSON (progress goes to standard error)")
    boolean json;

    @ParentCommand
    RigCli rig;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        Path configFile = config != null ? config : selection.board().wolfbootConfig();
        WolfBootConfig cfg = WolfBootConfig.parse(configFile.toString(), Inputs.readText(configFile));
        PartitionLayout layout = cfg.layout();
        byte[] ks = Inputs.read(keystore);
        KeystoreFormat format = KeystoreFiles.detect(ks);
        Keystore keys = KeystoreFiles.parse(keystore.toString(), ks);
        byte[] expectedOtp = format == KeystoreFormat.OTP ? ks : OtpImage.build(keys);
        Inputs.read(image);
        var out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "provision", spec.commandLine().getErr())) {
            Path primerFile = primer;
            Path wolfBootFile = wolfBoot;
            if (primerFile == null || wolfBootFile == null) {
                if (!selection.board().isVirtual()) {
                    throw RigException.badInput("--primer and --wolfboot are required for " + selection.board().name()
                            + " (a real board runs the binaries wolfBoot's make built)");
                }
                FirmwareFiles built = FirmwareSet.build(keys, cfg, TestAppBehaviour.NORMAL)
                        .writeInto(Files.createDirectories(access.run().dir().resolve("firmware")));
                primerFile = primerFile != null ? primerFile : built.otpPrimer();
                wolfBootFile = wolfBootFile != null ? wolfBootFile : built.wolfBoot();
            }
            Inputs.read(primerFile);
            Inputs.read(wolfBootFile);
            ProvisionInputs inputs = new ProvisionInputs(keys, format, keystore.toString(), expectedOtp, layout, primerFile,
                    wolfBootFile, image, confirmOtp, Optional.ofNullable(secwm1).map(r -> r.forBank(1)),
                    Optional.ofNullable(secwm2).map(r -> r.forBank(2)), otpWait, ProvisionInputs.BOOT_WAIT);
            ProvisionFlow flow = new ProvisionFlow(access.session(), inputs);
            FlowReport report = FlowCommands.run(access, ProvisionFlow.NAME, flow.steps(), dryRun, flow.inputsRecord(), out,
                    rig.interactive() && !json, List.of());
            return FlowCommands.finish(spec, json, out, access, report);
        }
    }
}
