package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.CR_BER;
import static io.bootrig.board.soc.FlashRegisters.CR_BKSEL;
import static io.bootrig.board.soc.FlashRegisters.CR_INV;
import static io.bootrig.board.soc.FlashRegisters.CR_MER;
import static io.bootrig.board.soc.FlashRegisters.CR_PG;
import static io.bootrig.board.soc.FlashRegisters.CR_SER;
import static io.bootrig.board.soc.FlashRegisters.CR_SNB_MASK;
import static io.bootrig.board.soc.FlashRegisters.CR_SNB_SHIFT;

/**
 * The flash operations the controller runs once their trigger arrives: program a quad-word,
 * program an OTP half-word, erase (sector, bank, mass), commit the option bytes. Each checks
 * protection and security, changes the cells, publishes its event and has the state persisted.
 * Operations complete within the access that triggers them.
 */
final class FlashOperations {
    private final FlashArray array;
    private final OtpArea otp;
    private final OptionBytes optionBytes;
    private final TrustZonePolicy trustZone;
    private final FlashAddressMap addressMap;
    private final FlashListeners listeners;
    private final OverprogramPolicy overprogramPolicy;
    private final Runnable persist;

    FlashOperations(FlashArray array, OtpArea otp, OptionBytes optionBytes, TrustZonePolicy trustZone,
            FlashAddressMap addressMap, FlashListeners listeners, OverprogramPolicy overprogramPolicy, Runnable persist) {
        this.array = array;
        this.otp = otp;
        this.optionBytes = optionBytes;
        this.trustZone = trustZone;
        this.addressMap = addressMap;
        this.listeners = listeners;
        this.overprogramPolicy = overprogramPolicy;
        this.persist = persist;
    }

    void programQuadWord(boolean secureChannel, long address, byte[] quadWord) throws FlashOperationError {
        FlashAddressMap.Location location = addressMap.locate(FlashAddressMap.aliasOffsetOf(address));
        if (optionBytes.current().writeProtected(location.bank(), location.sector())) {
            throw new FlashOperationError(FlashError.WRPERR, String.format(
                    "program 0x%08X: bank %d sector %d is write-protected (WRP%dR)", address, location.bank(),
                    location.sector(), location.bank()));
        }
        boolean again = array.isProgrammed(location.bank(), location.offset());
        if (again && overprogramPolicy == OverprogramPolicy.REJECT) {
            throw new FlashOperationError(FlashError.STRBERR, String.format(
                    "program 0x%08X: quad-word already programmed since its last erase (bank %d offset 0x%05X)",
                    address, location.bank(), location.offset()));
        }
        if (again) {
            array.overprogram(location.bank(), location.offset(), quadWord);
        } else {
            array.program(location.bank(), location.offset(), quadWord);
        }
        listeners.publish(new FlashEvent.QuadWordProgrammed(address, location.bank(), location.offset(), quadWord,
                secureChannel, again));
        persist.run();
    }

    void programOtp(int offset, int halfWord) throws FlashOperationError {
        int block = offset / OtpArea.BLOCK_SIZE;
        if (optionBytes.current().otpBlockLocked(block)) {
            throw new FlashOperationError(FlashError.WRPERR, String.format(
                    "OTP offset 0x%03X: block %d is locked (OTPBLR)", offset, block));
        }
        if (otp.isProgrammed(offset)) {
            throw new FlashOperationError(FlashError.STRBERR, String.format(
                    "OTP offset 0x%03X: half-word already programmed (0x%04X)", offset, otp.read(offset, 2)));
        }
        otp.program(offset, halfWord & 0xFFFF);
        listeners.publish(new FlashEvent.OtpProgrammed(offset, halfWord & 0xFFFF));
        persist.run();
    }

    /** STRT in NSCR/SECCR: the erase the control bits describe. */
    void erase(boolean secureChannel, int control, boolean writeBufferEmpty) throws FlashOperationError {
        boolean sectorErase = (control & CR_SER) != 0;
        boolean bankErase = (control & CR_BER) != 0;
        boolean massErase = (control & CR_MER) != 0;
        int kinds = (sectorErase ? 1 : 0) + (bankErase ? 1 : 0) + (massErase ? 1 : 0);
        if (kinds != 1 || (control & CR_PG) != 0) {
            throw new FlashOperationError(FlashError.PGSERR, String.format(
                    "STRT needs exactly one of SER, BER, MER and no PG (CR=0x%08X)", control));
        }
        if (!writeBufferEmpty) {
            throw new FlashOperationError(FlashError.PGSERR, "erase started while the write buffer holds a partial quad-word");
        }
        // SECCR.INV turns a secure erase onto the non-secure sectors
        boolean targetSecure = secureChannel && (control & CR_INV) == 0;
        int bank = (control & CR_BKSEL) != 0 ? 2 : 1;
        if (sectorErase) {
            int sector = (control & CR_SNB_MASK) >>> CR_SNB_SHIFT;
            checkErasable(bank, sector, targetSecure);
            array.eraseSector(bank, sector);
            listeners.publish(new FlashEvent.SectorErased(bank, sector, targetSecure));
        } else if (bankErase) {
            checkBankErasable(bank, targetSecure);
            array.eraseBank(bank);
            listeners.publish(new FlashEvent.BankErased(bank, targetSecure));
        } else {
            checkBankErasable(1, targetSecure);
            checkBankErasable(2, targetSecure);
            array.eraseBank(1);
            array.eraseBank(2);
            listeners.publish(new FlashEvent.MassErased(secureChannel ? "MER in SECCR" : "MER in NSCR"));
        }
        persist.run();
    }

    /** OPTSTRT: store the staged option bytes. A TZEN change also erases the user flash. */
    void commitOptionBytes() throws FlashOperationError {
        OptionByteValues before = optionBytes.commit();
        OptionByteValues after = optionBytes.current();
        if (before.tzen() != after.tzen()) {
            array.eraseBank(1);
            array.eraseBank(2);
            listeners.publish(new FlashEvent.MassErased(String.format("TZEN 0x%02X -> 0x%02X", before.tzen(), after.tzen())));
        }
        listeners.publish(new FlashEvent.OptionBytesCommitted(before, after));
        persist.run();
    }

    private void checkBankErasable(int bank, boolean targetSecure) throws FlashOperationError {
        for (int sector = 0; sector < FlashArray.SECTORS_PER_BANK; sector++) {
            checkErasable(bank, sector, targetSecure);
        }
    }

    private void checkErasable(int bank, int sector, boolean targetSecure) throws FlashOperationError {
        if (trustZone.sectorSecure(bank, sector) != targetSecure) {
            throw new FlashOperationError(FlashError.WRPERR, String.format(
                    "erase: bank %d sector %d is %s, the erase targets %s sectors", bank, sector,
                    targetSecure ? "non-secure" : "secure", targetSecure ? "secure" : "non-secure"));
        }
        if (optionBytes.current().writeProtected(bank, sector)) {
            throw new FlashOperationError(FlashError.WRPERR, String.format(
                    "erase: bank %d sector %d is write-protected (WRP%dR)", bank, sector, bank));
        }
    }
}
