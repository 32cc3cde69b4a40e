package io.bootrig.rig.cli;

import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.LmsParameters;
import io.bootrig.wolfboot.crypto.PublicKeyCodec;
import io.bootrig.wolfboot.keystore.KeygenKey;
import io.bootrig.wolfboot.keystore.KeystoreC;
import io.bootrig.wolfboot.keystore.KeystoreCFormat;
import io.bootrig.wolfboot.keystore.KeystoreDerFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * wolfBoot's keygen: options act left to right. An algorithm flag sets the type and {@code --id}
 * the partition mask for the {@code -g}/{@code -i} files that follow; imports take the first slots,
 * then generated keys, each in command-line order.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate keys and write keystore.c and keystore.der as wolfBoot's keygen does.",
                "Options act in order: '--lms -g k0.der --id 1,2,3 -g k1.der --out DIR' makes slot 0 (mask "
                + "0xFFFFFFFF) and slot 1 (mask 0x0000000E). Imported keys (-i) take the first slots."})
final class KeystoreKeygenCommand implements Callable<Integer> {
    private record Request(Path file, AuthType type, long mask, boolean imported) {}

    private final List<Request> requests = new ArrayList<>();
    private AuthType current;
    private AuthType last;
    private long mask = 0xFFFFFFFFL;

    @Option(names = "--lms-levels", paramLabel = "N", defaultValue = "2", order = 20,
            description = "LMS levels (default ${DEFAULT-VALUE}, as the STM32H5 config)")
    int lmsLevels;

    @Option(names = "--lms-height", paramLabel = "N", defaultValue = "5", order = 21, description = "LMS tree height (default ${DEFAULT-VALUE})")
    int lmsHeight;

    @Option(names = "--lms-winternitz", paramLabel = "N", defaultValue = "8", order = 22,
            description = "LM-OTS Winternitz width (default ${DEFAULT-VALUE})")
    int lmsWinternitz;

    @Option(names = "--out", required = true, paramLabel = "DIR", order = 30, description = "where keystore.c and keystore.der go")
    Path outDir;

    @Option(names = "--force", order = 31, description = "overwrite existing key and keystore files")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--ecc256", order = 1, description = "ECC256 keys for the -g/-i that follow")
    void ecc256(boolean on) {
        algorithm(AuthType.ECC256);
    }

    @Option(names = "--ecc384", order = 1, description = "ECC384 keys for the -g/-i that follow")
    void ecc384(boolean on) {
        algorithm(AuthType.ECC384);
    }

    @Option(names = "--ecc521", order = 1, description = "ECC521 keys for the -g/-i that follow")
    void ecc521(boolean on) {
        algorithm(AuthType.ECC521);
    }

    @Option(names = "--ed25519", order = 1, description = "ED25519 keys for the -g/-i that follow")
    void ed25519(boolean on) {
        algorithm(AuthType.ED25519);
    }

    @Option(names = "--ed448", order = 1, description = "ED448 keys for the -g/-i that follow")
    void ed448(boolean on) {
        algorithm(AuthType.ED448);
    }

    @Option(names = "--rsa2048", order = 1, description = "RSA2048 keys for the -g/-i that follow")
    void rsa2048(boolean on) {
        algorithm(AuthType.RSA2048);
    }

    @Option(names = "--rsa3072", order = 1, description = "RSA3072 keys for the -g/-i that follow")
    void rsa3072(boolean on) {
        algorithm(AuthType.RSA3072);
    }

    @Option(names = "--rsa4096", order = 1, description = "RSA4096 keys for the -g/-i that follow")
    void rsa4096(boolean on) {
        algorithm(AuthType.RSA4096);
    }

    @Option(names = "--lms", order = 1, description = "LMS keys for the -g/-i that follow")
    void lms(boolean on) {
        algorithm(AuthType.LMS);
    }

    private void algorithm(AuthType type) {
        current = type;
        last = type;
    }

    @Option(names = "--id", paramLabel = "LIST", order = 2,
            description = "partition ids the following keys may sign, e.g. 1,2,3 (default: all)")
    void ids(String list) {
        long m = 0;
        for (String part : list.split(",")) {
            long id = Inputs.number("--id", part);
            if (id < 0 || id > 31) {
                throw RigException.badInput("--id: partition id " + part + " is outside 0..31");
            }
            m |= 1L << id;
        }
        mask = m;
    }

    @Option(names = "-g", paramLabel = "FILE", order = 3, description = "generate a private key into FILE")
    void generate(Path file) {
        requests.add(new Request(file, requireType("-g " + file), mask, false));
    }

    @Option(names = "-i", paramLabel = "PUBKEY", order = 4, description = "import a raw public key (keystore encoding)")
    void importKey(Path file) {
        requests.add(new Request(file, requireType("-i " + file), mask, true));
    }

    private AuthType requireType(String what) {
        if (current == null) {
            throw RigException.badInput(what + ": name the algorithm first (e.g. --ecc256 -g key.der)");
        }
        return current;
    }

    @Override
    public Integer call() throws IOException, FormatException {
        if (requests.isEmpty()) {
            throw RigException.badInput("nothing to do: give -g FILE or -i PUBKEY");
        }
        LmsParameters lms = LmsParameters.of(lmsLevels, lmsHeight, lmsWinternitz).orElseThrow(() -> RigException.badInput(
                "LMS parameters L" + lmsLevels + "-H" + lmsHeight + "-W" + lmsWinternitz
                        + " are not supported (levels 1..8, height 5/10/15/20/25, winternitz 1/2/4/8)"));
        Path keystoreC = outDir.resolve("keystore.c");
        Path keystoreDer = outDir.resolve("keystore.der");
        List<Path> outputs = new ArrayList<>(List.of(keystoreC, keystoreDer));
        requests.stream().filter(r -> !r.imported()).forEach(r -> outputs.add(r.file()));
        if (!force) {
            for (Path p : outputs) {
                if (Files.exists(p)) {
                    throw RigException.badInput(p + ": exists; pass --force to overwrite");
                }
            }
        }
        List<KeygenKey> keys = new ArrayList<>();
        var out = spec.commandLine().getOut();
        SecureRandom random = new SecureRandom();
        for (Request r : requests) {
            if (r.imported()) {
                byte[] pub = Inputs.read(r.file());
                PublicKeyCodec.decode(r.type(), pub, r.file().toString());
                keys.add(new KeygenKey(r.type(), r.mask(), pub, r.file().toString()));
            }
        }
        for (Request r : requests) {
            if (!r.imported()) {
                KeyGenerator.GeneratedKey g = KeyGenerator.generate(r.type(), lms, random);
                AtomicFiles.write(r.file(), g.privateKeyFile(), true);
                keys.add(new KeygenKey(r.type(), r.mask(), g.publicKey(), r.file().toString()));
            }
        }
        Files.createDirectories(outDir);
        KeystoreC content = KeystoreC.of(keys, last, keystoreC.toString());
        AtomicFiles.write(keystoreC, KeystoreCFormat.emit(content).getBytes(StandardCharsets.UTF_8), false);
        AtomicFiles.write(keystoreDer, KeystoreDerFormat.emit(content.keystore()), false);
        for (int i = 0; i < keys.size(); i++) {
            KeygenKey k = keys.get(i);
            out.printf("slot %d: %s %s, mask 0x%08X%s%n", i, k.type().wolfBootName(), k.source(), k.partIdMask(),
                    k.type() == AuthType.LMS ? ", LMS " + lms.label() + " (" + lms.capacity() + " signatures)" : "");
        }
        out.printf("wrote %s and %s%n", keystoreC, keystoreDer);
        return ExitCode.OK;
    }
}
