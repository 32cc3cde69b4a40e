package io.bootrig.board.soc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * An append-only log of state changes, one frame per completed flash operation:
 * {@code u32 length, records, u32 CRC-32 of the records} (little-endian). A frame is applied
 * whole or not at all: replay stops at the first frame that is incomplete or fails its CRC (what a
 * process killed mid-append leaves). Records carry absolute values, so replaying a frame twice
 * gives the same state.
 */
final class StateJournal implements AutoCloseable {
    private static final byte QUAD_WORD = 1;
    private static final byte SECTOR_ERASED = 2;
    private static final byte OTP_HALF_WORD = 3;
    private static final byte OPTION_BYTES = 4;
    private static final int FLAG_PROGRAMMED = 1;
    private static final int FLAG_ECC_CORRUPT = 2;

    /** What a replay changed, so that the snapshot can be brought up to date. */
    record Replay(int frames, List<FlashArray.Change> flashChanges, boolean otpChanged, boolean optionBytesChanged) {
    }

    private final FileChannel channel;

    private StateJournal(FileChannel channel) {
        this.channel = channel;
    }

    static StateJournal open(Path file) throws IOException {
        return new StateJournal(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    /** Appends one frame with the changes the parts recorded; nothing when there are none. */
    void append(List<FlashArray.Change> flashChanges, FlashArray flash, List<Integer> otpChanges, OtpArea otp,
            OptionByteValues optionBytes) throws IOException {
        ByteBuffer records = ByteBuffer.allocate(recordsSize(flashChanges, otpChanges, optionBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (FlashArray.Change change : flashChanges) {
            if (change instanceof FlashArray.QuadWordChanged quadWord) {
                records.put(QUAD_WORD).put((byte) quadWord.bank()).putInt(quadWord.offset());
                records.put(flash.copy(quadWord.bank(), quadWord.offset(), FlashArray.QUAD_WORD));
                int flags = (flash.isProgrammed(quadWord.bank(), quadWord.offset()) ? FLAG_PROGRAMMED : 0)
                        | (flash.isEccCorrupt(quadWord.bank(), quadWord.offset()) ? FLAG_ECC_CORRUPT : 0);
                records.put((byte) flags);
            } else {
                records.put(SECTOR_ERASED).put((byte) change.bank()).put((byte) change.sector());
            }
        }
        for (int offset : otpChanges) {
            records.put(OTP_HALF_WORD).putShort((short) offset).putShort((short) otp.read(offset, 2));
        }
        if (optionBytes != null) {
            records.put(OPTION_BYTES);
            for (OptionWord word : OptionWord.values()) {
                records.putInt(optionBytes.get(word));
            }
        }
        if (records.position() == 0) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(records.array());
        ByteBuffer frame = ByteBuffer.allocate(8 + records.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(records.capacity()).put(records.array()).putInt((int) crc.getValue()).flip();
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
    }

    long size() throws IOException {
        return channel.size();
    }

    void clear() throws IOException {
        channel.truncate(0);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Applies the complete frames of {@code file} (if it exists) to the parts. */
    static Replay replay(Path file, FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException {
        List<FlashArray.Change> flashChanges = new ArrayList<>();
        boolean otpChanged = false;
        boolean optionBytesChanged = false;
        int frames = 0;
        if (!Files.exists(file)) {
            return new Replay(0, flashChanges, false, false);
        }
        ByteBuffer journal = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        while (journal.remaining() >= 8) {
            int length = journal.getInt();
            if (length <= 0 || length > journal.remaining() - 4) {
                break;
            }
            byte[] records = new byte[length];
            journal.get(records);
            CRC32 crc = new CRC32();
            crc.update(records);
            if (journal.getInt() != (int) crc.getValue()) {
                break;
            }
            ByteBuffer frame = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
            while (frame.hasRemaining()) {
                byte type = frame.get();
                switch (type) {
                    case QUAD_WORD -> {
                        int bank = frame.get();
                        int offset = frame.getInt();
                        byte[] cells = new byte[FlashArray.QUAD_WORD];
                        frame.get(cells);
                        int flags = frame.get();
                        flash.restoreQuadWord(bank, offset, cells, (flags & FLAG_PROGRAMMED) != 0,
                                (flags & FLAG_ECC_CORRUPT) != 0);
                        flashChanges.add(new FlashArray.QuadWordChanged(bank, offset));
                    }
                    case SECTOR_ERASED -> {
                        int bank = frame.get();
                        int sector = frame.get();
                        flash.eraseSector(bank, sector);
                        flashChanges.add(new FlashArray.SectorErased(bank, sector));
                    }
                    case OTP_HALF_WORD -> {
                        int offset = frame.getShort() & 0xFFFF;
                        otp.program(offset, frame.getShort() & 0xFFFF);
                        otpChanged = true;
                    }
                    case OPTION_BYTES -> {
                        OptionByteValues values = OptionByteValues.factory();
                        for (OptionWord word : OptionWord.values()) {
                            values = values.with(word, frame.getInt());
                        }
                        optionBytes.load(values);
                        optionBytesChanged = true;
                    }
                    default -> throw new IOException(file + ": frame " + frames + " has an unknown record type " + type);
                }
            }
            frames++;
        }
        flash.takeChanges();
        otp.takeChanges();
        return new Replay(frames, flashChanges, otpChanged, optionBytesChanged);
    }

    private static int recordsSize(List<FlashArray.Change> flashChanges, List<Integer> otpChanges, OptionByteValues optionBytes) {
        int size = 0;
        for (FlashArray.Change change : flashChanges) {
            size += change instanceof FlashArray.QuadWordChanged ? 1 + 1 + 4 + FlashArray.QUAD_WORD + 1 : 3;
        }
        size += otpChanges.size() * 5;
        if (optionBytes != null) {
            size += 1 + 4 * OptionWord.values().length;
        }
        return size;
    }

}
