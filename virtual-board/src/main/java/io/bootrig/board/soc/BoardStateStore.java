package io.bootrig.board.soc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the board's non-volatile state (flash banks, OTP, option bytes, unique ID) is kept. A store
 * works on the parts it was made with.
 */
interface BoardStateStore {

    /** Fills the parts from the stored state; returns the stored unique ID, empty for a new board. */
    Optional<byte[]> load() throws IOException;

    /** Records a new board: its identity and everything the parts hold. */
    void create(byte[] uid) throws IOException;

    /** Makes the changes the parts recorded since the last call durable, as one atomic step. */
    void saveChanges() throws IOException;

    /** Saves what is left and releases the store. */
    void close() throws IOException;

    Optional<Path> directory();

    /** A board that lives in memory only: nothing is loaded, changes are dropped. */
    static BoardStateStore inMemory(FlashArray flash, OtpArea otp, OptionBytes optionBytes) {
        return new BoardStateStore() {
            @Override
            public Optional<byte[]> load() {
                return Optional.empty();
            }

            @Override
            public void create(byte[] uid) {
                saveChanges();
            }

            @Override
            public void saveChanges() {
                flash.takeChanges();
                otp.takeChanges();
                optionBytes.takeChanged();
            }

            @Override
            public void close() {
                saveChanges();
            }

            @Override
            public Optional<Path> directory() {
                return Optional.empty();
            }
        };
    }
}
