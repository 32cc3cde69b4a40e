package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "otp-image",
        description = "Build the 2 KB STM32H5 OTP image (for 0x08FFF000) from a keystore, as wolfBoot's "
                + "otp-keystore-gen does: \"WOLFBOOT\" header, packed slots, 32-byte UDS at 0x7C0 (random by default).")
final class KeystoreOtpImageCommand implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "KEYSTORE", description = "keystore.c or keystore.der")
    Path keystore;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "OTP image to write")
    Path output;

    @Option(names = "--version", paramLabel = "HEX", defaultValue = "0x02090000",
            description = "header version (wolfBoot library version; default ${DEFAULT-VALUE})")
    String version;

    @ArgGroup(exclusive = true)
    Uds uds;

    static final class Uds {
        @Option(names = "--uds-zero", description = "all-zero UDS (reproducible images, tests)")
        boolean zero;

        @Option(names = "--uds", paramLabel = "HEX", description = "these 32 UDS bytes")
        String hex;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        long v = Inputs.number("--version", version);
        if (v < 0 || v > 0xFFFFFFFFL) {
            throw RigException.badInput("--version must fit 32 bits");
        }
        Keystore ks = KeystoreFiles.parse(keystore.toString(), Inputs.read(keystore));
        byte[] image;
        try {
            if (uds != null && uds.zero) {
                image = OtpImage.build(ks, v, new byte[32]);
            } else if (uds != null && uds.hex != null) {
                byte[] u = parseUds(uds.hex);
                image = OtpImage.build(ks, v, u);
            } else {
                image = OtpImage.build(ks, v, new SecureRandom());
            }
        } catch (IllegalArgumentException e) {
            throw RigException.badInput(keystore + ": " + e.getMessage());
        }
        Files.write(output, image);
        OtpImage parsed = OtpImage.parse(output.toString(), image);
        spec.commandLine().getOut().printf("%s: OTP image, %d key%s, slot stride %d, version 0x%08x, %d bytes%n", output,
                parsed.header().itemCount(), parsed.header().itemCount() == 1 ? "" : "s", parsed.slotStride(), v,
                image.length);
        return ExitCode.OK;
    }

    private static byte[] parseUds(String hex) {
        byte[] u;
        try {
            u = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw RigException.badInput("--uds: not hex");
        }
        if (u.length != 32) {
            throw RigException.badInput("--uds: must be 32 bytes (64 hex digits), got " + u.length);
        }
        return u;
    }
}
