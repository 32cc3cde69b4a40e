package io.bootrig.wolfboot.otp;

import io.bootrig.wolfboot.LittleEndian;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares two OTP images field by field. The expected image's header and slot 0 lay out the
 * regions, which cover all 2048 bytes without overlap, so every differing byte is reported under
 * exactly one name.
 */
public final class OtpComparison {
    private OtpComparison() {}

    /** A named byte range of the image. */
    public record Region(String field, int offset, int length) {}

    /**
     * The differences, in image order; empty when the images are equal (ignoring the UDS unless
     * {@code includeUds}).
     *
     * @throws IllegalArgumentException when an image is not 2048 bytes
     */
    public static List<OtpDifference> compare(byte[] expected, byte[] actual, boolean includeUds) {
        if (expected.length != OtpLayout.SIZE || actual.length != OtpLayout.SIZE) {
            throw new IllegalArgumentException("OTP images are " + OtpLayout.SIZE + " bytes, got " + expected.length
                    + " and " + actual.length);
        }
        HexFormat hex = HexFormat.of();
        List<OtpDifference> out = new ArrayList<>();
        for (Region r : regions(expected)) {
            if (r.field().equals("uds") && !includeUds) {
                continue;
            }
            int first = -1;
            int last = -1;
            for (int i = r.offset(); i < r.offset() + r.length(); i++) {
                if (expected[i] != actual[i]) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            if (first >= 0) {
                out.add(new OtpDifference(r.field(), first, hex.formatHex(expected, first, last + 1),
                        hex.formatHex(actual, first, last + 1)));
            }
        }
        return out;
    }

    /**
     * The regions of an image laid out by its header: header fields, each slot's fields, the unused
     * bytes up to the UDS, the UDS and the unused bytes after it. When item_count or slot 0's
     * pubkey_size make no sense the slot area is one region, "keystore".
     */
    public static List<Region> regions(byte[] image) {
        if (image.length != OtpLayout.SIZE) {
            throw new IllegalArgumentException("an OTP image is " + OtpLayout.SIZE + " bytes, got " + image.length);
        }
        List<Region> r = new ArrayList<>();
        r.add(new Region("header.magic", 0, 8));
        r.add(new Region("header.item_count", 8, 2));
        r.add(new Region("header.flags", 10, 2));
        r.add(new Region("header.version", 12, 4));
        int count = LittleEndian.u16(image, 8);
        long keyBytes = LittleEndian.u32(image, OtpLayout.HEADER_SIZE + 12);
        int end = OtpLayout.HEADER_SIZE;
        if (count > 0 && keyBytes <= OtpLayout.KEYSTORE_AREA
                && (long) count * (OtpLayout.SLOT_HEADER_SIZE + keyBytes) <= OtpLayout.KEYSTORE_AREA) {
            int stride = OtpLayout.SLOT_HEADER_SIZE + (int) keyBytes;
            for (int i = 0; i < count; i++) {
                String s = "slot[" + i + "].";
                int off = OtpLayout.HEADER_SIZE + i * stride;
                r.add(new Region(s + "slot_id", off, 4));
                r.add(new Region(s + "key_type", off + 4, 4));
                r.add(new Region(s + "part_id_mask", off + 8, 4));
                r.add(new Region(s + "pubkey_size", off + 12, 4));
                if (keyBytes > 0) {
                    r.add(new Region(s + "pubkey", off + 16, (int) keyBytes));
                }
            }
            end += count * stride;
        } else {
            r.add(new Region("keystore", end, OtpLayout.KEYSTORE_AREA));
            end = OtpLayout.UDS_OFFSET;
        }
        if (end < OtpLayout.UDS_OFFSET) {
            r.add(new Region("unused", end, OtpLayout.UDS_OFFSET - end));
        }
        r.add(new Region("uds", OtpLayout.UDS_OFFSET, OtpLayout.UDS_LENGTH));
        int afterUds = OtpLayout.UDS_OFFSET + OtpLayout.UDS_LENGTH;
        r.add(new Region("unused", afterUds, OtpLayout.SIZE - afterUds));
        return r;
    }
}
