package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.*;

import io.bootrig.board.bus.BusFault;
import java.util.Arrays;
import java.util.Optional;

/**
 * The FLASH peripheral's register file, decoded at 0x40022000 and at 0x50022000. It routes each
 * register to the part that owns it (the two control channels, the option bytes, TrustZone's SECBB
 * bits, the ECC monitor) and runs the option-byte change on OPTSTRT. Registers take 32-bit
 * accesses only; offsets without a register are bus errors.
 */
final class FlashController implements MemoryMappedDevice {
    private static final int ACR_RESET = 0x0000_0013;
    private static final int ACR_BITS = 0x0000_013F;
    private static final int PRIVCFGR_BITS = 0x3;
    private static final int HDPEXTR_BITS = 0x007F_007F;
    private static final int BLOCK_REGISTERS = 4;

    private final FlashControlChannel nonSecure;
    private final FlashControlChannel secure;
    private final KeyLock optionLock = new KeyLock(OPTKEY1, OPTKEY2);
    private final OptionBytes optionBytes;
    private final TrustZonePolicy trustZone;
    private final FlashAddressMap addressMap;
    private final EccMonitor ecc;
    private final FlashOperations operations;
    private final int[][] privilegeBlockBits = new int[FlashArray.BANKS][BLOCK_REGISTERS];
    private int accessControl = ACR_RESET;
    private int privilegeConfig;
    private int hdpExtension;

    FlashController(FlashControlChannel nonSecure, FlashControlChannel secure, OptionBytes optionBytes,
            TrustZonePolicy trustZone, FlashAddressMap addressMap, EccMonitor ecc, FlashOperations operations) {
        this.nonSecure = nonSecure;
        this.secure = secure;
        this.optionBytes = optionBytes;
        this.trustZone = trustZone;
        this.addressMap = addressMap;
        this.ecc = ecc;
        this.operations = operations;
    }

    /** Everything volatile back to its reset value; option bytes reloaded, SWAP_BANK and TZEN latched. */
    void systemReset() {
        nonSecure.reset();
        secure.reset();
        optionLock.reset();
        ecc.reset();
        accessControl = ACR_RESET;
        privilegeConfig = 0;
        hdpExtension = 0;
        for (int[] bank : privilegeBlockBits) {
            Arrays.fill(bank, 0);
        }
        optionBytes.reloadAtReset();
        addressMap.latchSwap(optionBytes.current().swapBank());
        trustZone.latchAtReset();
    }

    @Override
    public long read(BusTransaction tx) throws BusFault {
        int offset = checkWord(tx);
        int value = switch (offset) {
            case ACR -> accessControl;
            case NSKEYR, OPTKEYR -> 0;
            case SECKEYR -> secureRegister(tx, "SECKEYR", 0);
            case OPSR -> 0;
            case OPTCR -> (optionLock.locked() ? OPTCR_OPTLOCK : 0) | (addressMap.swapped() ? OPTCR_SWAP_BANK : 0);
            case NSSR -> nonSecure.readStatus();
            case SECSR -> secureRegister(tx, "SECSR", secure.readStatus());
            case NSCR -> nonSecure.readControl();
            case SECCR -> secureRegister(tx, "SECCR", secure.readControl());
            case NSCCR -> 0;
            case SECCCR -> secureRegister(tx, "SECCCR", 0);
            case PRIVCFGR -> privilegeConfig;
            case HDPEXTR -> hdpExtension;
            case ECCCORR -> ecc.readCorrection();
            case ECCDETR -> ecc.readDetection();
            case ECCDR -> ecc.readFailingData();
            default -> readOther(tx, offset);
        };
        return value & 0xFFFF_FFFFL;
    }

    @Override
    public void write(BusTransaction tx, long value) throws BusFault {
        int offset = checkWord(tx);
        int word = (int) value;
        switch (offset) {
            case ACR -> accessControl = word & ACR_BITS;
            case NSKEYR -> nonSecure.writeKey(word);
            case SECKEYR -> {
                trustZone.checkSecureRegister(tx, "SECKEYR");
                secure.writeKey(word);
            }
            case OPTKEYR -> optionLock.writeKey(word);
            case OPTCR -> writeOptionControl(word);
            case NSCR -> nonSecure.writeControl(word);
            case SECCR -> {
                trustZone.checkSecureRegister(tx, "SECCR");
                secure.writeControl(word);
            }
            case NSCCR -> nonSecure.writeClear(word);
            case SECCCR -> {
                trustZone.checkSecureRegister(tx, "SECCCR");
                secure.writeClear(word);
            }
            case PRIVCFGR -> privilegeConfig = word & PRIVCFGR_BITS;
            case HDPEXTR -> hdpExtension = word & HDPEXTR_BITS;
            case ECCCORR -> ecc.writeCorrection(word);
            case ECCDETR -> ecc.writeDetection(word);
            case SECSR -> trustZone.checkSecureRegister(tx, "SECSR"); // read-only
            case OPSR, NSSR, ECCDR -> {
                // read-only
            }
            default -> writeOther(tx, offset, word);
        }
    }

    private int readOther(BusTransaction tx, int offset) throws BusFault {
        Optional<OptionWord> current = OptionWord.atCurrentOffset(offset);
        if (current.isPresent()) {
            return optionBytes.current().get(current.get());
        }
        Optional<OptionWord> staged = OptionWord.atProgramOffset(offset);
        if (staged.isPresent()) {
            if (staged.get().secure()) {
                trustZone.checkSecureRegister(tx, staged.get() + "_PRG");
            }
            return optionBytes.pending().get(staged.get());
        }
        int secureBlock = secureBlockIndex(offset);
        if (secureBlock >= 0) {
            trustZone.checkSecureRegister(tx, "SECBB");
            return trustZone.secureBlockRegister(secureBlock / BLOCK_REGISTERS + 1, secureBlock % BLOCK_REGISTERS);
        }
        int privilegeBlock = privilegeBlockIndex(offset);
        if (privilegeBlock >= 0) {
            return privilegeBlockBits[privilegeBlock / BLOCK_REGISTERS][privilegeBlock % BLOCK_REGISTERS];
        }
        throw unmodelled(tx, offset);
    }

    private void writeOther(BusTransaction tx, int offset, int value) throws BusFault {
        if (OptionWord.atCurrentOffset(offset).isPresent()) {
            return; // _CUR registers are read-only
        }
        Optional<OptionWord> staged = OptionWord.atProgramOffset(offset);
        if (staged.isPresent()) {
            if (staged.get().secure()) {
                trustZone.checkSecureRegister(tx, staged.get() + "_PRG");
            }
            if (!optionLock.locked()) {
                optionBytes.stage(staged.get(), value);
            }
            return;
        }
        int secureBlock = secureBlockIndex(offset);
        if (secureBlock >= 0) {
            trustZone.checkSecureRegister(tx, "SECBB");
            trustZone.setSecureBlockRegister(secureBlock / BLOCK_REGISTERS + 1, secureBlock % BLOCK_REGISTERS, value);
            return;
        }
        int privilegeBlock = privilegeBlockIndex(offset);
        if (privilegeBlock >= 0) {
            privilegeBlockBits[privilegeBlock / BLOCK_REGISTERS][privilegeBlock % BLOCK_REGISTERS] = value;
            return;
        }
        throw unmodelled(tx, offset);
    }

    /** OPTCR write. While OPTLOCK is set nothing is writable; OPTSTRT runs before a simultaneous OPTLOCK. */
    private void writeOptionControl(int value) {
        if (optionLock.locked()) {
            return;
        }
        if ((value & OPTCR_OPTSTRT) != 0) {
            startOptionChange();
        }
        if ((value & OPTCR_OPTLOCK) != 0) {
            optionLock.lock();
        }
    }

    private void startOptionChange() {
        if (nonSecure.hasFlag(FlashError.OPTCHANGEERR)) {
            return; // OPTSTRT cannot be set while OPTCHANGEERR is set
        }
        if (!nonSecure.writeBufferEmpty() || !secure.writeBufferEmpty()) {
            nonSecure.fail(FlashError.PGSERR, "OPTSTRT while a write buffer holds a partial quad-word");
            return;
        }
        try {
            operations.commitOptionBytes();
        } catch (FlashOperationError e) {
            nonSecure.fail(e);
        }
    }

    private int secureRegister(BusTransaction tx, String name, int value) throws BusFault {
        trustZone.checkSecureRegister(tx, name);
        return value;
    }

    private static int checkWord(BusTransaction tx) throws BusFault {
        if (tx.size() != 4) {
            throw tx.fault("FLASH registers take 32-bit accesses only");
        }
        return (int) tx.offset();
    }

    /** 0..7 for SECBB1R1..4, SECBB2R1..4; -1 otherwise. */
    private static int secureBlockIndex(int offset) {
        return blockIndex(offset, SECBB1R1, SECBB2R1);
    }

    private static int privilegeBlockIndex(int offset) {
        return blockIndex(offset, PRIVBB1R1, PRIVBB2R1);
    }

    private static int blockIndex(int offset, int bank1, int bank2) {
        if (offset >= bank1 && offset < bank1 + 4 * BLOCK_REGISTERS) {
            return (offset - bank1) / 4;
        }
        if (offset >= bank2 && offset < bank2 + 4 * BLOCK_REGISTERS) {
            return BLOCK_REGISTERS + (offset - bank2) / 4;
        }
        return -1;
    }

    private static BusFault unmodelled(BusTransaction tx, int offset) {
        String what = switch (offset) {
            case NSOBKKEYR, SECOBKKEYR, NSOBKCFGR, SECOBKCFGR -> "OBK (option-byte keys) is not modelled";
            default -> "no FLASH register at this offset";
        };
        return tx.fault(String.format("FLASH+0x%03X: %s", offset, what));
    }
}
