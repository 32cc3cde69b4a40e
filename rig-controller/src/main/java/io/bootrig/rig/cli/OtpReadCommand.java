package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.flow.OtpRecords;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rig otp read}: the OTP area, decoded ("WOLFBOOT" header and every key), as hex, or as JSON. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read the OTP area through OpenOCD and decode the wolfBoot keystore in it: the \"WOLFBOOT\" header "
                + "and every key (type, mask, allowed partitions, SHA-256 fingerprint). The UDS is never printed.",
                "Exit 0 = read (blank or not), 3 = the board could not be read."})
final class OtpReadCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--hex", description = "print the 2048 bytes as a hex dump (the UDS shown as '..')")
    boolean hex;

    @Option(names = "--json", description = "print the decoded keystore as JSON")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "also save the raw 2048 bytes (with the UDS) to FILE")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        if (hex && json) {
            throw RigException.badInput("--hex and --json exclude each other");
        }
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        byte[] otp;
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "otp-read", spec.commandLine().getErr())) {
            otp = TargetCall.run(access.board().name(), () -> access.session().chip().readOtp());
        }
        if (output != null) {
            Files.write(output, otp);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (hex) {
            out.print(OtpRecords.hexDump(otp));
            return ExitCode.OK;
        }
        Map<String, Object> decoded = decode(otp);
        if (json) {
            out.println(Json.write(decoded));
            return ExitCode.OK;
        }
        out.println(selection.board().name() + ": OTP " + decoded.get("state"));
        if (decoded.containsKey("header")) {
            out.println("  header: " + decoded.get("header"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> keys = (List<Map<String, Object>>) decoded.get("keys");
            for (Map<String, Object> k : keys) {
                out.println("  key " + k);
            }
        } else if (decoded.containsKey("problem")) {
            out.println("  " + decoded.get("problem"));
        }
        return ExitCode.OK;
    }

    static Map<String, Object> decode(byte[] otp) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean blank = true;
        for (byte b : otp) {
            blank &= b == (byte) 0xFF;
        }
        if (blank) {
            m.put("state", "blank");
            return m;
        }
        try {
            OtpImage image = OtpImage.parse("OTP", otp);
            m.put("state", "wolfBoot keystore");
            m.put("header", OtpRecords.header(image));
            m.put("keys", OtpRecords.keys(image.keystore()));
            m.put("udsWritten", !allFf(image.uds()));
        } catch (FormatException e) {
            m.put("state", "not a wolfBoot keystore");
            m.put("problem", e.problem());
        }
        return m;
    }

    private static boolean allFf(byte[] b) {
        for (byte x : b) {
            if (x != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
