package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.image.ImageVerifier;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Verdict;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify an image as wolfBoot does at boot: integrity, algorithm, key (by pubkey hint), partition "
                + "permission, signature size and signature.",
                "Exit 0 = accept, 1 = reject with one reason class (integrity, signature, unknown-key, permission, "
                + "auth-type, malformed), 2 = bad input."})
final class ImageVerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "signed image")
    Path file;

    @Option(names = "--keystore", required = true, paramLabel = "K", description = "keystore.c, keystore.der or otp.bin")
    Path keystore;

    @Option(names = "--partition-id", paramLabel = "N", description = "partition id the image must carry (an update: 1)")
    Integer partitionId;

    @ArgGroup(exclusive = true)
    HeaderSource headerSource;


    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        if (partitionId != null && (partitionId < 0 || partitionId > 15)) {
            throw RigException.badInput("--partition-id must be 0..15, got " + partitionId);
        }
        byte[] bytes = Inputs.read(file);
        OptionalInt hdr = OptionalInt.empty();
        Optional<AuthType> deviceAuth = Optional.empty();
        if (headerSource != null && headerSource.headerSize != null) {
            hdr = OptionalInt.of(HeaderSizeOptions.parse(headerSource.headerSize));
        } else if (headerSource != null && headerSource.config != null) {
            PartitionLayout layout = ConfigSupport.layout(headerSource.config);
            hdr = OptionalInt.of(layout.headerSize());
            deviceAuth = Optional.of(layout.sign());
        }
        SignedImage img = SignedImage.parse(file.toString(), bytes, hdr);
        if (!Files.exists(keystore)) {
            throw RigException.badInput(keystore + ": no such file");
        }
        Keystore ks = KeystoreFiles.load(keystore);
        Verdict v = ImageVerifier.verify(img, ks, partitionId == null ? OptionalInt.empty() : OptionalInt.of(partitionId),
                deviceAuth);
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verdict", v.label());
            v.reason().ifPresent(r -> m.put("reason", r.label()));
            m.put("file", file.toString());
            m.put("keystore", keystore.toString());
            v.slot().ifPresent(s -> m.put("slot", s));
            v.version().ifPresent(x -> m.put("version", x));
            v.partitionId().ifPresent(x -> m.put("partitionId", x));
            m.put("detail", v.detail());
            out.println(Json.write(m));
        } else if (v.accepted()) {
            out.printf("accept: %s: version %d, partition id %d: %s%n", file, v.version().orElse(0),
                    v.partitionId().orElse(-1), v.detail());
        } else {
            out.printf("reject (%s): %s: %s%n", v.reason().orElseThrow().label(), file, v.detail());
        }
        return v.accepted() ? ExitCode.OK : ExitCode.REJECTED;
    }
}
