package io.bootrig.board.soc;

import static io.bootrig.board.soc.FlashRegisters.ECC_ADDR_MASK;
import static io.bootrig.board.soc.FlashRegisters.ECC_BK_ECC;
import static io.bootrig.board.soc.FlashRegisters.ECC_ECCC;
import static io.bootrig.board.soc.FlashRegisters.ECC_ECCD;
import static io.bootrig.board.soc.FlashRegisters.ECC_ECCIE;
import static io.bootrig.board.soc.FlashRegisters.ECC_OTP_ECC;

/**
 * ECCCORR / ECCDETR / ECCDR: records the first double ECC error (a blank OTP half-word, an
 * over-programmed quad-word) until software clears ECCD. While ECCD is set the NMI is pending.
 */
final class EccMonitor {
    private int correction;
    private int detection;
    private int failingData;

    /** A read of a blank OTP half-word; {@code halfWord} counts from the start of OTP. */
    void blankOtpRead(int halfWord) {
        record(ECC_OTP_ECC | (halfWord & ECC_ADDR_MASK), 0xFFFF);
    }

    /** A read of a quad-word whose ECC no longer matches; the address is in quad-words from the bank start. */
    void corruptFlashRead(int bank, int bankOffset) {
        record((bank == 2 ? ECC_BK_ECC : 0) | ((bankOffset / FlashArray.QUAD_WORD) & ECC_ADDR_MASK), 0);
    }

    boolean doubleErrorPending() {
        return (detection & ECC_ECCD) != 0;
    }

    int readCorrection() {
        return correction;
    }

    int readDetection() {
        return detection;
    }

    int readFailingData() {
        return failingData;
    }

    void writeCorrection(int value) {
        if ((value & ECC_ECCC) != 0) {
            correction = 0;
        }
        correction = (correction & ~ECC_ECCIE) | (value & ECC_ECCIE);
    }

    void writeDetection(int value) {
        if ((value & ECC_ECCD) != 0) {
            detection = 0;
            failingData = 0;
        }
    }

    void reset() {
        correction = 0;
        detection = 0;
        failingData = 0;
    }

    private void record(int areaAndAddress, int data) {
        if (doubleErrorPending()) {
            return;
        }
        detection = ECC_ECCD | areaAndAddress;
        failingData = data;
    }
}
