package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.CR_BER;
import static io.bootrig.board.soc.FlashRegisters.CR_BKSEL;
import static io.bootrig.board.soc.FlashRegisters.CR_FW;
import static io.bootrig.board.soc.FlashRegisters.CR_INV;
import static io.bootrig.board.soc.FlashRegisters.CR_LOCK;
import static io.bootrig.board.soc.FlashRegisters.CR_MER;
import static io.bootrig.board.soc.FlashRegisters.CR_PG;
import static io.bootrig.board.soc.FlashRegisters.CR_SER;
import static io.bootrig.board.soc.FlashRegisters.CR_SNB_MASK;
import static io.bootrig.board.soc.FlashRegisters.CR_STRT;
import static io.bootrig.board.soc.FlashRegisters.SR_EOP;
import static io.bootrig.board.soc.FlashRegisters.SR_WBNE;

/**
 * One of the two control/status register sets: the non-secure one (NSKEYR, NSSR, NSCR, NSCCR)
 * or the secure one (SECKEYR, SECSR, SECCR, SECCCR). It owns the LOCK, the control bits, the
 * status flags and the write buffer, and turns register writes and flash writes into operations.
 */
final class FlashControlChannel {
    private static final int INTERRUPT_ENABLES = 0x007F_0000;
    private static final int OPTCHANGEERRIE = 1 << 23;
    private static final int ERASE_KINDS = CR_SER | CR_BER | CR_MER;

    private final boolean secure;
    private final KeyLock lock = new KeyLock(FlashRegisters.KEY1, FlashRegisters.KEY2);
    private final WriteBuffer buffer = new WriteBuffer();
    private final FlashOperations operations;
    private final FlashListeners listeners;
    private final int storedControlBits;
    private final int clearableFlags;
    private int control;
    private int flags;

    FlashControlChannel(boolean secure, FlashOperations operations, FlashListeners listeners) {
        this.secure = secure;
        this.operations = operations;
        this.listeners = listeners;
        int common = CR_PG | CR_SER | CR_BER | CR_MER | CR_SNB_MASK | CR_BKSEL | INTERRUPT_ENABLES;
        this.storedControlBits = secure ? common | CR_INV : common | OPTCHANGEERRIE;
        int errors = 0;
        for (FlashError error : FlashError.values()) {
            if (secure && error == FlashError.OPTCHANGEERR) {
                continue;
            }
            errors |= error.mask();
        }
        this.clearableFlags = SR_EOP | errors;
    }

    boolean secure() {
        return secure;
    }

    int readStatus() {
        return flags | (buffer.isEmpty() ? 0 : SR_WBNE);
    }

    int readControl() {
        return (lock.locked() ? CR_LOCK : 0) | control;
    }

    boolean writeBufferEmpty() {
        return buffer.isEmpty();
    }

    boolean hasFlag(FlashError error) {
        return (flags & error.mask()) != 0;
    }

    void writeKey(int value) {
        lock.writeKey(value);
    }

    void writeClear(int value) {
        flags &= ~(value & clearableFlags);
    }

    /** NSCR/SECCR write. While locked only LOCK is writable; setting LOCK leaves the other bits as they are. */
    void writeControl(int value) {
        if (lock.locked()) {
            return;
        }
        if ((value & CR_LOCK) != 0) {
            lock.lock();
            return;
        }
        boolean wasProgramming = (control & CR_PG) != 0;
        control = value & storedControlBits;
        if (wasProgramming && (control & CR_PG) == 0 && !buffer.isEmpty()) {
            buffer.clear();
            fail(FlashError.PGSERR, "PG cleared while the write buffer held a partial quad-word");
        }
        if ((value & CR_FW) != 0 && !buffer.isEmpty()) {
            commitBuffer();
        }
        if ((value & CR_STRT) != 0) {
            try {
                operations.erase(secure, control, buffer.isEmpty());
                flags |= SR_EOP;
            } catch (FlashOperationError e) {
                fail(e);
            }
        }
    }

    /** A write into user flash whose sector belongs to this channel's security. */
    void acceptFlashWrite(long address, int size, long value) {
        if (!programmingEnabled()) {
            fail(FlashError.PGSERR, String.format("write to flash at 0x%08X without PG (or locked, or an erase bit set)", address));
            return;
        }
        switch (buffer.put(address, size, value)) {
            case PENDING -> {
            }
            case COMPLETE -> commitBuffer();
            case OTHER_FLASH_WORD -> {
                long pending = buffer.base();
                buffer.clear();
                fail(FlashError.INCERR, String.format(
                        "write to 0x%08X while the quad-word at 0x%08X was incomplete; both are lost", address, pending));
            }
            case BYTE_WRITTEN_TWICE -> {
                buffer.clear();
                fail(FlashError.STRBERR, String.format("byte at 0x%08X written twice into the write buffer", address));
            }
        }
    }

    /** A write into OTP (always the non-secure channel): one 16-bit half-word per access. */
    void acceptOtpWrite(int offset, int size, long value) {
        if (!programmingEnabled()) {
            fail(FlashError.PGSERR, String.format("write to OTP offset 0x%03X without PG (or locked, or an erase bit set)", offset));
            return;
        }
        if (!buffer.isEmpty()) {
            buffer.clear();
            fail(FlashError.INCERR, String.format("write to OTP offset 0x%03X while a quad-word was incomplete", offset));
            return;
        }
        if (size != 2) {
            fail(FlashError.PGSERR, String.format("OTP offset 0x%03X: %d-byte write; OTP takes 16-bit half-words", offset, size));
            return;
        }
        try {
            operations.programOtp(offset, (int) value);
            flags |= SR_EOP;
        } catch (FlashOperationError e) {
            fail(e);
        }
    }

    void fail(FlashError error, String reason) {
        flags |= error.mask();
        listeners.publish(new FlashEvent.OperationFailed(error, secure, reason));
    }

    void fail(FlashOperationError e) {
        fail(e.error(), e.getMessage());
    }

    void reset() {
        lock.reset();
        buffer.clear();
        control = 0;
        flags = 0;
    }

    private boolean programmingEnabled() {
        return !lock.locked() && (control & CR_PG) != 0 && (control & ERASE_KINDS) == 0;
    }

    private void commitBuffer() {
        try {
            if (!programmingEnabled()) {
                throw new FlashOperationError(FlashError.PGSERR, "forced write (FW) without PG");
            }
            operations.programQuadWord(secure, buffer.base(), buffer.contents());
            flags |= SR_EOP;
        } catch (FlashOperationError e) {
            fail(e);
        } finally {
            buffer.clear();
        }
    }
}
