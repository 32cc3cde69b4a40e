package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `rig image verify` on every reference image with every keystore form its directory has. */
class EveryVectorVerdictTest {
    static Stream<Arguments> cases() throws IOException {
        Path root = Rig.root().resolve("fixtures/wolfboot");
        List<Arguments> out = new java.util.ArrayList<>();
        for (String alg : List.of("ecc256", "ed25519", "rsa2048", "lms")) {
            try (Stream<Path> files = Files.list(root.resolve(alg))) {
                for (Path img : files.filter(p -> p.toString().endsWith("_signed.bin")).sorted().toList()) {
                    for (String ks : List.of("keystore.c", "keystore.der", "otp.bin")) {
                        if (Files.exists(root.resolve(alg).resolve(ks))) {
                            out.add(Arguments.of(alg + "/" + img.getFileName(), alg + "/" + ks));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void verdictAndExitCode(String image, String keystore) {
        Rig r = Rig.run("image", "verify", Rig.vector(image), "--keystore", Rig.vector(keystore));
        if (image.contains("key1_id4")) {
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).startsWith("reject (permission): ");
        } else {
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).startsWith("accept: ");
        }
    }
}
