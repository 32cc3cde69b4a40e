package io.bootrig.board.firmware;

import io.bootrig.wolfboot.otp.OtpLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * tools/keytools/otp/otp-keystore-primer.c: writes the "WOLFBOOT" header, every PubKeys[] slot
 * ({@code sizeof(struct keystore_slot)} bytes each) and a 32-byte UDS from the TRNG at OTP+0x7C0
 * with hal_flash_otp_write (which hangs silently at a read-back mismatch), optionally
 * write-protects the OTP, and loops forever. No LED, no UART output.
 */
final class OtpPrimer {
    private final PrimerBuild build;

    OtpPrimer(PrimerBuild build) {
        this.build = build;
    }

    void run(Mcu mcu) {
        mcu.activity(FirmwareKind.OTP_PRIMER, "programming OTP");
        Stm32h5Hal hal = new Stm32h5Hal(mcu, build.trustZone(), null, FirmwareKind.OTP_PRIMER);
        int keys = build.slots().size();
        if (keys < 1) {
            throw mcu.hang(FirmwareKind.OTP_PRIMER, "hung: no keys in the keystore");
        }
        hal.otpWrite(Stm32h5Hal.OTP_BASE, header(keys));
        for (int i = 0; i < keys; i++) {
            hal.otpWrite(Stm32h5Hal.OTP_BASE + OtpLayout.HEADER_SIZE + (long) i * build.slotSize(), slot(build.slots().get(i)));
        }
        if (OtpLayout.HEADER_SIZE + (long) keys * build.slotSize() > OtpLayout.UDS_OFFSET) {
            throw mcu.hang(FirmwareKind.OTP_PRIMER, "hung: the keystore overlaps the UDS at 0x7C0");
        }
        hal.otpWrite(Stm32h5Hal.OTP_BASE + OtpLayout.UDS_OFFSET, mcu.trng(OtpLayout.UDS_LENGTH));
        if (build.writeProtect()) {
            hal.otpSetReadOnly(0xFFFF_FFFFL);
        }
        throw mcu.hang(FirmwareKind.OTP_PRIMER, "done: keystore written, looping forever");
    }

    private byte[] header(int keys) {
        ByteBuffer header = ByteBuffer.allocate(OtpLayout.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.put(OtpLayout.magic()).putShort((short) keys).putShort((short) 0).putInt((int) build.headerVersion());
        return header.array();
    }

    private byte[] slot(PrimerBuild.Slot slot) {
        ByteBuffer bytes = ByteBuffer.allocate(build.slotSize()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt((int) slot.slotId()).putInt((int) slot.keyType()).putInt((int) slot.partIdMask())
                .putInt((int) slot.pubkeySize()).put(slot.pubkey());
        return bytes.array();
    }
}
