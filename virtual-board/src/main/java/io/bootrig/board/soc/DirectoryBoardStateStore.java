package io.bootrig.board.soc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board's non-volatile state in a directory:
 * <pre>
 * format                      "bootrig-stm32h563-nvm 1"
 * identity.properties         uid=&lt;24 hex digits&gt;
 * option-bytes.properties     one OptionWord=0xXXXXXXXX per line (the stored, i.e. _CUR, values)
 * otp.nvm                     2048 OTP bytes, then 128 bytes: one "programmed" bit per half-word
 * bank1/sector-NNN.nvm        8192 bytes of physical bank 1 sector NNN, then 64 bytes "programmed"
 * bank2/sector-NNN.nvm        and 64 bytes "ECC corrupt" bitmaps (one bit per quad-word)
 * </pre>
 * A sector without a file is erased. Every file is replaced by writing a temporary file beside it
 * and renaming it over the old one, so a process killed mid-save leaves the old or the new file.
 */
final class DirectoryBoardStateStore implements BoardStateStore {
    private static final String FORMAT = "bootrig-stm32h563-nvm 1\n";
    private static final String FORMAT_FILE = "format";
    private static final String IDENTITY_FILE = "identity.properties";
    private static final String OPTION_BYTES_FILE = "option-bytes.properties";
    private static final String OTP_FILE = "otp.nvm";
    private static final Pattern SECTOR_FILE = Pattern.compile("sector-(\\d{3})\\.nvm");

    private final Path directory;

    DirectoryBoardStateStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<byte[]> load(FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException {
        Path format = directory.resolve(FORMAT_FILE);
        if (!Files.exists(format)) {
            if (Files.isDirectory(directory) && hasEntries(directory)) {
                throw new IOException(directory + " is not empty and has no '" + FORMAT_FILE + "' file: not a board directory");
            }
            return Optional.empty();
        }
        String formatText = Files.readString(format, StandardCharsets.UTF_8);
        if (!formatText.equals(FORMAT)) {
            throw new IOException(format + ": expected '" + FORMAT.strip() + "', found '" + formatText.strip() + "'");
        }
        byte[] uid = loadIdentity();
        optionBytes.load(loadOptionBytes());
        Path otpFile = directory.resolve(OTP_FILE);
        if (Files.exists(otpFile)) {
            otp.loadImage(readExactly(otpFile, OtpArea.imageSize()));
        }
        for (int bank = 1; bank <= FlashArray.BANKS; bank++) {
            loadBank(flash, bank);
        }
        return Optional.of(uid);
    }

    @Override
    public void create(byte[] uid, FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException {
        Files.createDirectories(directory);
        writeAtomically(directory.resolve(IDENTITY_FILE),
                ("uid=" + HexFormat.of().formatHex(uid) + "\n").getBytes(StandardCharsets.UTF_8));
        writeOptionBytes(optionBytes.current());
        writeAtomically(directory.resolve(OTP_FILE), otp.image());
        saveChanges(flash, otp, optionBytes);
        writeAtomically(directory.resolve(FORMAT_FILE), FORMAT.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void saveChanges(FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException {
        for (FlashArray.SectorId id : flash.takeDirtySectors()) {
            Path file = sectorFile(id.bank(), id.sector());
            if (flash.isSectorErased(id.bank(), id.sector())) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(file.getParent());
                writeAtomically(file, flash.sectorImage(id.bank(), id.sector()));
            }
        }
        if (otp.takeDirty()) {
            writeAtomically(directory.resolve(OTP_FILE), otp.image());
        }
        if (optionBytes.takeDirty()) {
            writeOptionBytes(optionBytes.current());
        }
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(directory);
    }

    private byte[] loadIdentity() throws IOException {
        Path file = directory.resolve(IDENTITY_FILE);
        Properties properties = readProperties(file);
        String uid = properties.getProperty("uid");
        if (uid == null || !uid.matches("[0-9a-fA-F]{24}")) {
            throw new IOException(file + ": uid must be 24 hex digits, found " + uid);
        }
        return HexFormat.of().parseHex(uid);
    }

    private OptionByteValues loadOptionBytes() throws IOException {
        Path file = directory.resolve(OPTION_BYTES_FILE);
        Properties properties = readProperties(file);
        Map<OptionWord, Integer> words = new EnumMap<>(OptionWord.class);
        for (OptionWord word : OptionWord.values()) {
            String text = properties.getProperty(word.name());
            if (text == null || !text.matches("0x[0-9a-fA-F]{8}")) {
                throw new IOException(file + ": " + word + " must be 0x followed by 8 hex digits, found " + text);
            }
            words.put(word, Integer.parseUnsignedInt(text.substring(2), 16));
        }
        return OptionByteValues.of(words);
    }

    private void writeOptionBytes(OptionByteValues values) throws IOException {
        StringBuilder text = new StringBuilder("# stored option bytes (the _CUR registers after the next reset)\n");
        values.asMap().forEach((word, value) -> text.append(String.format("%s=0x%08X%n", word, value)));
        writeAtomically(directory.resolve(OPTION_BYTES_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void loadBank(FlashArray flash, int bank) throws IOException {
        Path bankDirectory = directory.resolve("bank" + bank);
        if (!Files.isDirectory(bankDirectory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(bankDirectory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.delete(file); // left by a process killed mid-save; the real file is intact
                    continue;
                }
                Matcher matcher = SECTOR_FILE.matcher(name);
                int sector = matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
                if (sector < 0 || sector >= FlashArray.SECTORS_PER_BANK) {
                    throw new IOException(file + ": not a sector file (sector-000.nvm .. sector-127.nvm)");
                }
                flash.loadSectorImage(bank, sector, readExactly(file, FlashArray.sectorImageSize()));
            }
        }
    }

    private Path sectorFile(int bank, int sector) {
        return directory.resolve("bank" + bank).resolve(String.format("sector-%03d.nvm", sector));
    }

    private static Properties readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
            properties.load(reader);
        }
        return properties;
    }

    private static byte[] readExactly(Path file, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != size) {
            throw new IOException(file + ": " + bytes.length + " bytes, expected " + size);
        }
        return bytes;
    }

    private static boolean hasEntries(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return entries.iterator().hasNext();
        }
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
