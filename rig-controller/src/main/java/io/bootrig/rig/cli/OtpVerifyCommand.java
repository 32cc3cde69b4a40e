package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.otp.OtpComparison;
import io.bootrig.wolfboot.otp.OtpDifference;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rig otp verify}: the board's OTP against an otp.bin or the image a keystore makes, byte by byte. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the board's OTP with an expected image, byte by byte, region by region (header fields, "
                + "each slot's fields, unused space). The UDS (random per board) is left out unless --include-uds.",
                "Exit 0 = identical, 1 = differs (every difference listed), 2 = bad input, 3 = the board could not be read."})
final class OtpVerifyCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--expected", required = true, paramLabel = "FILE",
            description = "otp.bin, or a keystore (keystore.c / keystore.der) whose OTP image is expected")
    Path expected;

    @Option(names = "--include-uds", description = "compare the UDS at 0x7C0 too")
    boolean includeUds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        byte[] file = Inputs.read(expected);
        KeystoreFormat format = KeystoreFiles.detect(file);
        byte[] want = format == KeystoreFormat.OTP ? file : OtpImage.build(KeystoreFiles.parse(expected.toString(), file));
        if (includeUds && format != KeystoreFormat.OTP) {
            throw RigException.badInput("--include-uds needs an otp.bin: a keystore gives no UDS to compare");
        }
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        byte[] otp;
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "otp-verify", spec.commandLine().getErr())) {
            otp = TargetCall.run(access.board().name(), () -> access.session().chip().readOtp());
        }
        List<OtpDifference> diffs = OtpComparison.compare(want, otp, includeUds);
        PrintWriter out = spec.commandLine().getOut();
        if (diffs.isEmpty()) {
            out.println(selection.board().name() + ": OTP matches " + expected + (includeUds ? "" : " (UDS excluded)"));
            return ExitCode.OK;
        }
        out.println(selection.board().name() + ": OTP differs from " + expected + " in " + diffs.size() + " region(s):");
        diffs.forEach(d -> out.println("  " + d));
        return ExitCode.REJECTED;
    }
}
