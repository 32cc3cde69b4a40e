package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.crypto.KeyExhaustedException;
import io.bootrig.wolfboot.crypto.LmsSigningKey;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign",
        description = {"Sign a payload as wolfBoot's sign tool does. The algorithm is taken from the key file. LMS keys "
                + "are stateful: the key file is advanced before the signature is written."})
final class ImageSignCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ImageSignCommand.class);

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "PAYLOAD", description = "firmware binary to sign")
    Path payload;

    @Option(names = "--key", required = true, paramLabel = "KEY", description = "private key file as wolfBoot's keygen writes it")
    Path key;

    @Option(names = "--version", required = true, paramLabel = "N", description = "firmware version (decimal, as sign takes it)")
    long version;

    @Option(names = "--id", paramLabel = "N", defaultValue = "1",
            description = "partition id 0..15 (1 = application, 0 = wolfBoot self-update; default ${DEFAULT-VALUE})")
    int partitionId;

    @Option(names = "--sha384", description = "SHA-384 digest and hint instead of SHA-256")
    boolean sha384;

    @Option(names = "--sha3", description = "SHA3-384 digest and hint instead of SHA-256")
    boolean sha3;

    @Option(names = "--no-ts", description = "no TIMESTAMP TLV (reproducible header)")
    boolean noTimestamp;

    @Option(names = "--timestamp", paramLabel = "SECONDS",
            description = "TIMESTAMP TLV value (default: the payload file's ctime, as sign does)")
    Long timestamp;

    @Option(names = "--rsa-digestinfo", description = "RSA: sign a DER DigestInfo (wolfBoot's --rsaXXXXenc)")
    boolean rsaDigestInfo;

    @Option(names = "--custom-tlv", paramLabel = "TAG=HEX", description = "extra TLV, e.g. 0x30=01020304 (repeatable)")
    List<String> customTlvs = new ArrayList<>();

    @picocli.CommandLine.ArgGroup(exclusive = true)
    HeaderSource headerSource;


    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "signed image to write")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        if (sha384 && sha3) {
            throw RigException.badInput("--sha384 and --sha3 exclude each other");
        }
        byte[] data = Inputs.read(payload);
        if (Files.exists(output) && Files.isSameFile(output, payload)) {
            throw RigException.badInput(output + ": the output would overwrite the payload");
        }
        SigningKey signingKey = loadKey();
        HashAlgorithm hash = sha384 ? HashAlgorithm.SHA384 : sha3 ? HashAlgorithm.SHA3_384 : HashAlgorithm.SHA256;
        OptionalInt hdr = OptionalInt.empty();
        if (headerSource != null && headerSource.headerSize != null) {
            hdr = OptionalInt.of(HeaderSizeOptions.parse(headerSource.headerSize));
        } else if (headerSource != null && headerSource.config != null) {
            ConfigSupport.Signing cfg = ConfigSupport.signing(headerSource.config, signingKey.authType());
            hdr = OptionalInt.of(cfg.headerSize());
            if (!sha384 && !sha3) {
                hash = cfg.hash();
            }
            if (data.length > cfg.maxImageSize()) {
                throw RigException.badInput(payload + ": " + data.length + " bytes do not fit the partition of "
                        + headerSource.config + " (at most " + cfg.maxImageSize() + " bytes)");
            }
        }
        SignRequest req;
        try {
            req = new SignRequest(version, ts(), partitionId, hash, hdr, custom());
        } catch (IllegalArgumentException e) {
            throw RigException.badInput(e.getMessage());
        }
        byte[] signed;
        try {
            signed = ImageSigner.sign(data, signingKey, req);
        } catch (KeyExhaustedException e) {
            throw RigException.badInput(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw RigException.badInput(payload + ": " + e.getMessage());
        }
        Files.write(output, signed);
        LOG.info("signed {} as {} with {}", payload, output, signingKey.describe());
        var out = spec.commandLine().getOut();
        out.printf("%s: version %d, %s, partition id %d, %s, header %d, %d bytes%n", output, version,
                signingKey.describe(), partitionId, hash.displayName(), ImageSigner.headerSize(signingKey, req), signed.length);
        if (signingKey instanceof LmsSigningKey lms) {
            out.printf("LMS key %s: %d signatures left%n", key, lms.currentState().remaining());
        }
        return ExitCode.OK;
    }

    private SigningKey loadKey() throws IOException, FormatException {
        if (!Files.exists(key)) {
            throw RigException.badInput(key + ": no such file");
        }
        return PrivateKeyFiles.load(key, Optional.empty(), rsaDigestInfo);
    }

    private OptionalLong ts() throws IOException {
        if (noTimestamp) {
            return OptionalLong.empty();
        }
        if (timestamp != null) {
            return OptionalLong.of(timestamp);
        }
        FileTime ctime;
        try {
            ctime = (FileTime) Files.getAttribute(payload, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            ctime = Files.getLastModifiedTime(payload);
        }
        return OptionalLong.of(ctime.toMillis() / 1000);
    }

    private List<SignRequest.CustomTlv> custom() {
        List<SignRequest.CustomTlv> out = new ArrayList<>();
        for (String spec : customTlvs) {
            int eq = spec.indexOf('=');
            if (eq < 1) {
                throw RigException.badInput("--custom-tlv: '" + spec + "' must be TAG=HEX");
            }
            long tag = Inputs.number("--custom-tlv tag", spec.substring(0, eq));
            byte[] value;
            try {
                value = HexFormat.of().parseHex(spec.substring(eq + 1));
            } catch (IllegalArgumentException e) {
                throw RigException.badInput("--custom-tlv: '" + spec.substring(eq + 1) + "' is not hex");
            }
            try {
                out.add(new SignRequest.CustomTlv((int) tag, value));
            } catch (IllegalArgumentException e) {
                throw RigException.badInput("--custom-tlv: " + e.getMessage());
            }
        }
        return out;
    }
}
