package io.bootrig.board.soc;

import io.bootrig.board.bus.BusFault;

/**
 * The OTP area as the bus sees it at 0x08FFF000 (non-secure; there is no secure alias). Reading a
 * blank half-word returns 0xFFFF and records a double ECC error; writes are programmed through the
 * non-secure control channel.
 */
final class OtpPort implements MemoryMappedDevice {
    private final OtpArea otp;
    private final FlashControlChannel nonSecure;
    private final EccMonitor ecc;

    OtpPort(OtpArea otp, FlashControlChannel nonSecure, EccMonitor ecc) {
        this.otp = otp;
        this.nonSecure = nonSecure;
        this.ecc = ecc;
    }

    @Override
    public long read(BusTransaction tx) throws BusFault {
        int offset = (int) tx.offset();
        for (int at = offset & ~1; at < offset + tx.size(); at += 2) {
            if (!otp.isProgrammed(at)) {
                ecc.blankOtpRead(at / 2);
                break;
            }
        }
        return otp.read(offset, tx.size());
    }

    @Override
    public void write(BusTransaction tx, long value) throws BusFault {
        nonSecure.acceptOtpWrite((int) tx.offset(), tx.size(), value);
    }
}
