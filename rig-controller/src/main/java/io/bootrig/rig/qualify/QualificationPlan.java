package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreC;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.keystore.KeystoreLinter;
import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.otp.OtpImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a qualification runs: the keystore and its lint findings, the keys matched to their slots (or the operator's
 * pre-signed images), the application provisioning flashes, the cases in order, and notes saying what is tested and
 * why.
 *
 * @param keystoreBytes the keystore file's content (public keys only)
 * @param keys          the private keys given, matched to slots (empty with pre-signed images)
 * @param bootImage     the v1 application provisioning flashes
 */
public record QualificationPlan(Path keystoreFile, byte[] keystoreBytes, KeystoreFormat format, Keystore keystore,
        List<LintFinding> lint, PartitionLayout layout, Mode mode, List<SlotKey> keys, ImageRecipe bootImage,
        List<QualificationCase> cases, List<String> notes) {

    public enum Mode {
        /** Images are signed here with the slots' private keys. */
        KEYS,
        /** The operator's pre-signed images, each with its expected outcome. */
        IMAGES;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public QualificationPlan {
        keystoreBytes = keystoreBytes.clone();
        lint = List.copyOf(lint);
        keys = List.copyOf(keys);
        cases = List.copyOf(cases);
        notes = List.copyOf(notes);
    }

    @Override
    public byte[] keystoreBytes() {
        return keystoreBytes.clone();
    }

    /** A plan that signs every case's image with {@code keyFiles}, one per slot (slots without a key are not exercised). */
    public static QualificationPlan withKeys(Path keystoreFile, PartitionLayout layout, List<Path> keyFiles)
            throws QualificationInputException {
        Loaded ks = load(keystoreFile);
        List<SlotKey> keys = KeyMatcher.match(ks.keystore(), keyFiles, layout.sign());
        CaseMatrix.Result matrix = CaseMatrix.build(keys, layout);
        List<String> notes = new ArrayList<>(matrix.notes());
        for (KeystoreSlot s : ks.keystore().slots()) {
            if (keys.stream().noneMatch(k -> k.slot().slotId() == s.slotId())) {
                notes.add("slot " + s.slotId() + " (mask " + s.maskHex() + "): NOT EXERCISED, no private key given; "
                        + "only its presence in the OTP is checked");
            }
        }
        ImageRecipe boot = new ImageRecipe.Signed(matrix.reference(), CaseMatrix.APPLICATION,
                ImageRecipe.VersionChoice.FIRST, ImageRecipe.Damage.NONE);
        return new QualificationPlan(keystoreFile, ks.bytes(), ks.format(), ks.keystore(), ks.lint(), layout, Mode.KEYS,
                keys, boot, matrix.cases(), notes);
    }

    /** A plan that sends the operator's images in the order given, after provisioning with {@code bootImage}. */
    public static QualificationPlan withImages(Path keystoreFile, PartitionLayout layout, Path bootImage,
            List<PreSignedImage> images) throws QualificationInputException {
        Loaded ks = load(keystoreFile);
        parse(bootImage, layout);
        List<QualificationCase> cases = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            PreSignedImage p = images.get(i);
            SignedImage img = parse(p.file(), layout);
            Optional<KeystoreSlot> slot = img.pubkeyHint().flatMap(h -> ks.keystore().findByHint(h,
                    img.hashAlgorithm().orElse(HashAlgorithm.SHA256)));
            OptionalInt id = img.partitionId();
            Optional<Boolean> allows = slot.isPresent() && id.isPresent()
                    ? Optional.of(slot.get().allowsPartition(id.getAsInt())) : Optional.empty();
            String signer = slot.map(s -> "slot " + s.slotId()).orElse("a key in no slot");
            cases.add(new QualificationCase("image" + (i + 1) + "-" + slug(p.file()), CaseKind.PRE_SIGNED,
                    p.file().getFileName() + " (v" + img.version().orElse(0) + ", partition id " + id.orElse(-1)
                            + ", " + signer + "): " + (p.expected() == Expected.ACCEPT ? "taken" : "rejected"),
                    slot, id, allows, p.expected(), new ImageRecipe.PreSigned(p.file())));
        }
        List<String> notes = List.of("Pre-signed images: each is sent as given, in the order given, after provisioning "
                + "with " + bootImage + "; the expected outcome is the operator's. An image that is taken must boot in "
                + "TESTING and is confirmed ('success'); a rejected one must leave the running version, its state and "
                + "the bank swap as they were. Each row also shows what the keystore predicts (wolfBoot's checks and "
                + "the version rule), which does not decide the verdict.");
        return new QualificationPlan(keystoreFile, ks.bytes(), ks.format(), ks.keystore(), ks.lint(), layout,
                Mode.IMAGES, List.of(), new ImageRecipe.PreSigned(bootImage), cases, notes);
    }

    public boolean lintClean() {
        return lint.stream().noneMatch(f -> f.severity() == LintFinding.Severity.ERROR);
    }

    /** SHA-256 of the keystore file, hex. */
    public String keystoreSha256() {
        return HexFormat.of().formatHex(HashAlgorithm.SHA256.hash(keystoreBytes));
    }

    /** The private key given for {@code slot}, in keys mode. */
    public Optional<SlotKey> keyOf(KeystoreSlot slot) {
        return keys.stream().filter(k -> k.slot().slotId() == slot.slotId()).findFirst();
    }

    /** Whether any case has {@code slot}'s key sign its image. */
    public boolean exercises(KeystoreSlot slot) {
        return cases.stream().anyMatch(c -> c.slot().map(s -> s.slotId() == slot.slotId()).orElse(false));
    }

    private record Loaded(byte[] bytes, KeystoreFormat format, Keystore keystore, List<LintFinding> lint) {}

    private static Loaded load(Path file) throws QualificationInputException {
        byte[] bytes = read(file);
        KeystoreFormat format = KeystoreFiles.detect(bytes);
        KeystoreLinter linter = new KeystoreLinter(false, true);
        try {
            if (format == KeystoreFormat.C_SOURCE) {
                KeystoreC c = KeystoreFiles.parseC(file.toString(), bytes);
                return checkOtpImage(file, new Loaded(bytes, format, c.keystore(), linter.lint(c)));
            }
            Keystore ks = KeystoreFiles.parse(file.toString(), bytes);
            return checkOtpImage(file, new Loaded(bytes, format, ks, linter.lint(ks, format)));
        } catch (FormatException e) {
            throw new QualificationInputException(e.getMessage(), e);
        }
    }

    /** A lint-clean keystore must make an OTP image; lint errors are reported by the qualification itself. */
    private static Loaded checkOtpImage(Path file, Loaded ks) throws QualificationInputException {
        boolean clean = ks.lint().stream().noneMatch(f -> f.severity() == LintFinding.Severity.ERROR);
        if (clean && ks.format() != KeystoreFormat.OTP) {
            try {
                OtpImage.build(ks.keystore());
            } catch (IllegalArgumentException e) {
                throw new QualificationInputException(file + ": no STM32H5 OTP image can hold this keystore: "
                        + e.getMessage(), e);
            }
        }
        return ks;
    }

    private static SignedImage parse(Path file, PartitionLayout layout) throws QualificationInputException {
        try {
            return SignedImage.parse(file.toString(), read(file), OptionalInt.of(layout.headerSize()));
        } catch (FormatException e) {
            throw new QualificationInputException(e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws QualificationInputException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new QualificationInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** "image_v2_bad_signature_signed.bin" -> "v2-bad-signature". */
    private static String slug(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("\\.bin$", "");
        String s = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "").replaceAll("^image-|-signed$", "");
        return s.isEmpty() ? "image" : s;
    }
}
