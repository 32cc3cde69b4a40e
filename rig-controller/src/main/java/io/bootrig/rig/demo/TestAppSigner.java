package io.bootrig.rig.demo;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.crypto.KeyExhaustedException;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Signs the test application as wolfBoot's sign does for one config: partition id 1 (the
 * application), the config's hash and IMAGE_HEADER_SIZE, and one TIMESTAMP for every version. The
 * key is read from its file for each signature, so a stateful LMS key reserves its next index there.
 *
 * @param payload   the unsigned test application (test-app.bin)
 * @param key       the private key file
 * @param layout    the config's layout
 * @param timestamp the TIMESTAMP TLV, seconds since 1970
 */
record TestAppSigner(Path payload, Path key, PartitionLayout layout, long timestamp) {
    static final int APPLICATION_PARTITION = 1;

    Path sign(long version, Path out) throws IOException, FormatException, KeyExhaustedException {
        SigningKey signingKey = PrivateKeyFiles.load(key, Optional.of(layout.sign()), false);
        SignRequest request = new SignRequest(version, OptionalLong.of(timestamp), APPLICATION_PARTITION, layout.hash(),
                OptionalInt.of(layout.headerSize()), List.of());
        Files.write(out, ImageSigner.sign(Files.readAllBytes(payload), signingKey, request));
        return out;
    }
}
