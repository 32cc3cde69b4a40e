package io.bootrig.board.soc;

/** What the flash controller did; published after the operation completed (or failed). */
public sealed interface FlashEvent {

    /**
     * A quad-word was written into the array.
     *
     * @param address        the bus address it was written through (either alias)
     * @param bank           the physical bank (1 or 2)
     * @param bankOffset     the offset inside that bank
     * @param overprogrammed the quad-word had been programmed before (only with {@link OverprogramPolicy#AND_WITH_ECC_ERROR})
     */
    record QuadWordProgrammed(long address, int bank, int bankOffset, byte[] data, boolean secure, boolean overprogrammed)
            implements FlashEvent {
        public QuadWordProgrammed {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public String toString() {
            return String.format("QuadWordProgrammed[address=0x%08X, bank=%d, bankOffset=0x%05X, data=%s, secure=%b, overprogrammed=%b]",
                    address, bank, bankOffset, java.util.HexFormat.of().formatHex(data), secure, overprogrammed);
        }
    }

    record SectorErased(int bank, int sector, boolean secure) implements FlashEvent {
    }

    record BankErased(int bank, boolean secure) implements FlashEvent {
    }

    /** Both banks' user flash erased: by MER, or as a side effect of a TZEN change. */
    record MassErased(String cause) implements FlashEvent {
    }

    /** One OTP half-word programmed; {@code offset} is from 0x08FFF000. */
    record OtpProgrammed(int offset, int value) implements FlashEvent {
    }

    record OptionBytesCommitted(OptionByteValues before, OptionByteValues after) implements FlashEvent {
    }

    /** An error flag raised in NSSR ({@code secureChannel} false) or SECSR. */
    record OperationFailed(FlashError error, boolean secureChannel, String reason) implements FlashEvent {
    }
}
