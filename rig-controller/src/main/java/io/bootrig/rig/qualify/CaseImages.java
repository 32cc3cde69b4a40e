package io.bootrig.rig.qualify;

import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.StepFailure;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.crypto.KeyExhaustedException;
import io.bootrig.wolfboot.crypto.KeyGenerator;
import io.bootrig.wolfboot.crypto.PrivateKeyFiles;
import io.bootrig.wolfboot.crypto.SigningKey;
import io.bootrig.wolfboot.image.ImageSigner;
import io.bootrig.wolfboot.image.SignRequest;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Tlv;
import io.bootrig.wolfboot.image.TlvTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Makes the cases' images as wolfBoot's sign does for the config (its hash, IMAGE_HEADER_SIZE, one TIMESTAMP for
 * all), then breaks them as the recipe says. The wrong key is made once, in a private temporary directory that
 * {@link #close()} deletes; no private key is ever written next to the images.
 */
final class CaseImages implements AutoCloseable {
    /** An image ready to send. */
    record Made(Path file, SignedImage image) {
        long version() {
            return image.version().orElse(0);
        }
    }

    private final Path dir;
    private final Optional<Path> payload;
    private final PartitionLayout layout;
    private final long timestamp;
    private Path freshKeyDir;
    private Path freshKey;

    /**
     * @param dir       where the images go
     * @param payload   the unsigned application every signed image carries (not needed for pre-signed images)
     * @param timestamp the TIMESTAMP TLV of every image signed here, seconds since 1970
     */
    CaseImages(Path dir, Optional<Path> payload, PartitionLayout layout, long timestamp) {
        this.dir = dir;
        this.payload = payload;
        this.layout = layout;
        this.timestamp = timestamp;
    }

    /** The image for {@code recipe} with the board running {@code running}; empty when its version cannot exist. */
    Optional<Made> make(String name, ImageRecipe recipe, long running) throws Exception {
        if (recipe instanceof ImageRecipe.PreSigned p) {
            return Optional.of(new Made(p.file(), parse(p.file(), Files.readAllBytes(p.file()))));
        }
        Files.createDirectories(dir);
        if (recipe instanceof ImageRecipe.FreshKey f) {
            long version = running + 1;
            byte[] image = sign(freshKey(), version, f.partitionId());
            return Optional.of(write(name, version, image));
        }
        ImageRecipe.Signed s = (ImageRecipe.Signed) recipe;
        OptionalLong version = s.version().from(running);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        byte[] image = sign(s.key().file(), version.getAsLong(), s.partitionId());
        switch (s.damage()) {
            case NONE -> { }
            case PAYLOAD_BYTE -> invert(image, layout.headerSize() + (image.length - layout.headerSize()) / 2);
            case SIGNATURE_BYTE -> {
                Tlv sig = parse(dir.resolve(name), image).find(TlvTag.SIGNATURE).orElseThrow(() -> new IllegalStateException(
                        "an image signed here has no HDR_SIGNATURE TLV"));
                invert(image, sig.offset() + 4 + sig.length() / 2);
            }
        }
        return Optional.of(write(name, version.getAsLong(), image));
    }

    private byte[] sign(Path keyFile, long version, int partitionId) throws Exception {
        Path app = payload.orElseThrow(() -> new IllegalStateException("no payload to sign (pre-signed images only)"));
        SigningKey key = PrivateKeyFiles.load(keyFile, Optional.of(layout.sign()), false);
        SignRequest request = new SignRequest(version, OptionalLong.of(timestamp), partitionId, layout.hash(),
                OptionalInt.of(layout.headerSize()), List.of());
        try {
            return ImageSigner.sign(Files.readAllBytes(app), key, request);
        } catch (KeyExhaustedException e) {
            throw new StepFailure(FailureKind.INPUT, e.getMessage() + "; qualify with a key that has signatures left", e);
        }
    }

    private Path freshKey() throws IOException {
        if (freshKey == null) {
            KeyGenerator.GeneratedKey k = KeyGenerator.generate(layout.sign(), layout.lms().orElse(null), new SecureRandom());
            freshKeyDir = Files.createTempDirectory("bootrig-qualify-wrong-key-");
            freshKey = freshKeyDir.resolve("wrong-key.der");
            AtomicFiles.write(freshKey, k.privateKeyFile(), true);
        }
        return freshKey;
    }

    /** Where the image {@code name} signed as {@code version} is written. */
    Path fileFor(String name, long version) {
        return dir.resolve(name + "_v" + version + "_signed.bin");
    }

    private Made write(String name, long version, byte[] image) throws IOException, FormatException {
        Path file = fileFor(name, version);
        AtomicFiles.write(file, image, false);
        return new Made(file, parse(file, image));
    }

    private SignedImage parse(Path file, byte[] bytes) throws FormatException {
        return SignedImage.parse(file.toString(), bytes, OptionalInt.of(layout.headerSize()));
    }

    private static void invert(byte[] image, int at) {
        image[at] = (byte) ~image[at];
    }

    /** Deletes the wrong key. */
    @Override
    public void close() throws IOException {
        if (freshKeyDir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(freshKeyDir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
