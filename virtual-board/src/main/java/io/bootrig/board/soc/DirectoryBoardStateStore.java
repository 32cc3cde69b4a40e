package io.bootrig.board.soc;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board's non-volatile state in a directory: a snapshot plus a journal of the operations since.
 * <pre>
 * format                      "bootrig-stm32h563-nvm 1"
 * lock                        held while a board uses the directory
 * identity.properties         uid=&lt;24 hex digits&gt;
 * option-bytes.properties     one OptionWord=0xXXXXXXXX per line (the stored, i.e. _CUR, values)
 * otp.nvm                     2048 OTP bytes, then 128 bytes: one "programmed" bit per half-word
 * bank1/sector-NNN.nvm        8192 bytes of physical bank 1 sector NNN, then 64 bytes "programmed"
 * bank2/sector-NNN.nvm        and 64 bytes "ECC corrupt" bitmaps (one bit per quad-word)
 * journal.nvm                 the operations since the snapshot (see StateJournal)
 * </pre>
 * Each completed flash operation appends one journal frame; loading replays the journal. The
 * snapshot is brought up to date (compacted) at load, at close and when the journal grows large;
 * its files are replaced by writing a temporary file and renaming it over the old one. A sector
 * without a file is erased. A process killed at any point leaves the state of the last completed
 * operation.
 */
final class DirectoryBoardStateStore implements BoardStateStore {
    private static final String FORMAT = "bootrig-stm32h563-nvm 1\n";
    private static final String FORMAT_FILE = "format";
    private static final String LOCK_FILE = "lock";
    private static final String IDENTITY_FILE = "identity.properties";
    private static final String OPTION_BYTES_FILE = "option-bytes.properties";
    private static final String OTP_FILE = "otp.nvm";
    private static final String JOURNAL_FILE = "journal.nvm";
    private static final Pattern SECTOR_FILE = Pattern.compile("sector-(\\d{3})\\.nvm");
    private static final long COMPACT_AT_JOURNAL_SIZE = 8L << 20;

    private final Path directory;
    private final FlashArray flash;
    private final OtpArea otp;
    private final OptionBytes optionBytes;
    private final TreeSet<Integer> sectorsToCompact = new TreeSet<>();
    private boolean otpToCompact;
    private FileChannel lockChannel;
    private FileLock lock;
    private StateJournal journal;

    DirectoryBoardStateStore(Path directory, FlashArray flash, OtpArea otp, OptionBytes optionBytes) {
        this.directory = directory;
        this.flash = flash;
        this.otp = otp;
        this.optionBytes = optionBytes;
    }

    @Override
    public Optional<byte[]> load() throws IOException {
        Path format = directory.resolve(FORMAT_FILE);
        if (Files.isDirectory(directory) && !Files.exists(format) && hasEntriesBesidesLock()) {
            throw new IOException(directory + " is not empty and has no '" + FORMAT_FILE + "' file: not a board directory");
        }
        Files.createDirectories(directory);
        acquireLock();
        try {
            if (!Files.exists(format)) {
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
                loadBank(bank);
            }
            StateJournal.Replay replay = StateJournal.replay(directory.resolve(JOURNAL_FILE), flash, otp, optionBytes);
            replay.flashChanges().forEach(this::rememberSector);
            otpToCompact = replay.otpChanged();
            optionBytes.takeChanged();
            if (replay.optionBytesChanged()) {
                writeOptionBytes();
            }
            journal = StateJournal.open(directory.resolve(JOURNAL_FILE));
            compact();
            return Optional.of(uid);
        } catch (IOException | RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public void create(byte[] uid) throws IOException {
        writeAtomically(directory.resolve(IDENTITY_FILE),
                ("uid=" + HexFormat.of().formatHex(uid) + "\n").getBytes(StandardCharsets.UTF_8));
        optionBytes.takeChanged();
        writeOptionBytes();
        otp.takeChanges();
        writeAtomically(directory.resolve(OTP_FILE), otp.image());
        flash.takeChanges().forEach(this::rememberSector);
        journal = StateJournal.open(directory.resolve(JOURNAL_FILE));
        compact();
        writeAtomically(directory.resolve(FORMAT_FILE), FORMAT.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void saveChanges() throws IOException {
        List<FlashArray.Change> flashChanges = flash.takeChanges();
        List<Integer> otpChanges = otp.takeChanges();
        boolean optionBytesChanged = optionBytes.takeChanged();
        journal.append(flashChanges, flash, otpChanges, otp, optionBytesChanged ? optionBytes.current() : null);
        flashChanges.forEach(this::rememberSector);
        otpToCompact |= !otpChanges.isEmpty();
        if (optionBytesChanged) {
            writeOptionBytes();
        }
        if (journal.size() >= COMPACT_AT_JOURNAL_SIZE) {
            compact();
        }
    }

    @Override
    public void close() throws IOException {
        if (journal == null) {
            return;
        }
        try {
            saveChanges();
            compact();
        } finally {
            release();
        }
    }

    @Override
    public Optional<Path> directory() {
        return Optional.of(directory);
    }

    /** Writes the snapshot files the journal has changed, then empties the journal. */
    private void compact() throws IOException {
        for (int key : sectorsToCompact) {
            int bank = key / FlashArray.SECTORS_PER_BANK + 1;
            int sector = key % FlashArray.SECTORS_PER_BANK;
            Path file = sectorFile(bank, sector);
            if (flash.isSectorErased(bank, sector)) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(file.getParent());
                writeAtomically(file, flash.sectorImage(bank, sector));
            }
        }
        sectorsToCompact.clear();
        if (otpToCompact) {
            writeAtomically(directory.resolve(OTP_FILE), otp.image());
            otpToCompact = false;
        }
        journal.clear();
    }

    private void rememberSector(FlashArray.Change change) {
        sectorsToCompact.add((change.bank() - 1) * FlashArray.SECTORS_PER_BANK + change.sector());
    }

    private void acquireLock() throws IOException {
        lockChannel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IOException(directory + " is in use by another board");
        }
    }

    private void release() throws IOException {
        try {
            if (journal != null) {
                journal.close();
                journal = null;
            }
        } finally {
            if (lockChannel != null) {
                lockChannel.close(); // releases the lock
                lockChannel = null;
            }
        }
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

    private void writeOptionBytes() throws IOException {
        StringBuilder text = new StringBuilder("# stored option bytes (the _CUR registers)\n");
        optionBytes.current().asMap().forEach((word, value) -> text.append(String.format("%s=0x%08X%n", word, value)));
        writeAtomically(directory.resolve(OPTION_BYTES_FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void loadBank(int bank) throws IOException {
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

    private boolean hasEntriesBesidesLock() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(LOCK_FILE)) {
                    return true;
                }
            }
            return false;
        }
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

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
