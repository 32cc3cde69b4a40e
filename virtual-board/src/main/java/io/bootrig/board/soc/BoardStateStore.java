package io.bootrig.board.soc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Where the board's non-volatile state (flash banks, OTP, option bytes, unique ID) is kept. */
interface BoardStateStore {

    /** Fills the parts from the stored state; returns the stored unique ID, empty for a new board. */
    Optional<byte[]> load(FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException;

    /** Records a new board: its identity and everything it holds. */
    void create(byte[] uid, FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException;

    /** Saves what changed since the last save; each file is replaced atomically. */
    void saveChanges(FlashArray flash, OtpArea otp, OptionBytes optionBytes) throws IOException;

    Optional<Path> directory();

    /** A board that lives in memory only: nothing is loaded, changes are dropped. */
    static BoardStateStore inMemory() {
        return new BoardStateStore() {
            @Override
            public Optional<byte[]> load(FlashArray flash, OtpArea otp, OptionBytes optionBytes) {
                return Optional.empty();
            }

            @Override
            public void create(byte[] uid, FlashArray flash, OtpArea otp, OptionBytes optionBytes) {
                saveChanges(flash, otp, optionBytes);
            }

            @Override
            public void saveChanges(FlashArray flash, OtpArea otp, OptionBytes optionBytes) {
                flash.takeDirtySectors();
                otp.takeDirty();
                optionBytes.takeDirty();
            }

            @Override
            public Optional<Path> directory() {
                return Optional.empty();
            }
        };
    }
}
