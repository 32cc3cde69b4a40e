package io.bootrig.wolfboot.otp;

/**
 * The bytes of one named OTP region that differ between two images: from the first to the last
 * differing byte of the region.
 *
 * @param field    the region: header.magic, slot[1].part_id_mask, slot[0].pubkey, unused, uds, …
 * @param offset   offset of the first differing byte in the image
 * @param expected the expected bytes from there to the last differing byte of the region, in hex
 * @param actual   the actual bytes over the same span, in hex
 */
public record OtpDifference(String field, int offset, String expected, String actual) {

    /** Number of bytes the span covers. */
    public int length() {
        return expected.length() / 2;
    }

    /** Leaves the UDS, a device secret, out of logs. */
    @Override
    public String toString() {
        boolean secret = field.equals("uds");
        return "OtpDifference[" + field + " at 0x" + Integer.toHexString(offset) + ", expected "
                + (secret ? "<" + length() + " bytes>" : expected) + ", actual "
                + (secret ? "<" + length() + " bytes>" : actual) + "]";
    }
}
