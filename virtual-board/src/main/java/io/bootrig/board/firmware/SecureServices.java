package io.bootrig.board.firmware;

import java.util.OptionalInt;

/**
 * What the non-secure test application calls through wolfBoot's non-secure-callable veneers
 * (wolfBoot_nsc_*, keystore_*): each runs as wolfBoot's secure code with secure accesses.
 */
final class SecureServices {
    private final WolfBootLibrary library;
    private final int keystorePubkeySize;

    SecureServices(WolfBootLibrary library, OtpKeystore keystore) {
        this.library = library;
        this.keystorePubkeySize = keystore.keystorePubkeySize();
    }

    long currentFirmwareVersion() {
        return library.version(PartitionId.BOOT);
    }

    long updateFirmwareVersion() {
        return library.version(PartitionId.UPDATE);
    }

    /** The partition's state, or NEW when its trailer has no magic (the app's variable keeps its initial value). */
    int state(PartitionId partition) {
        OptionalInt state = library.state(partition);
        return state.orElse(PartitionState.NEW);
    }

    boolean eraseUpdate(long offset, long length) {
        return library.eraseUpdate(offset, length);
    }

    boolean writeUpdate(long offset, byte[] data) {
        return library.writeUpdate(offset, data);
    }

    void updateTrigger() {
        library.updateTrigger();
    }

    void success() {
        library.success();
    }

    /** The keystore as keystore_num_pubkeys() and keystore_get_*() read it from OTP now. */
    OtpKeystore keystore() {
        return OtpKeystore.read(library.hal(), keystorePubkeySize);
    }
}
