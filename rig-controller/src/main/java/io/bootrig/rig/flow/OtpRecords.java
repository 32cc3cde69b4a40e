package io.bootrig.rig.flow;

import io.bootrig.rig.stm32h5.Stm32h5;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.SlotSummary;
import io.bootrig.wolfboot.otp.OtpImage;
import io.bootrig.wolfboot.otp.OtpLayout;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OTP keystore as the rig reports it: header and keys for run records and --json, and a hex dump. */
public final class OtpRecords {
    private OtpRecords() {}

    /** The "WOLFBOOT" header's fields. */
    public static Map<String, Object> header(OtpImage image) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("magic", "WOLFBOOT");
        header.put("keys", image.header().itemCount());
        header.put("flags", image.header().flags());
        header.put("version", String.format("0x%08X", image.header().version()));
        header.put("slotStride", image.slotStride());
        return header;
    }

    /** One entry per slot: index, id, type, mask, the partition ids it may sign, SHA-256 of the key. */
    public static List<Map<String, Object>> keys(Keystore keystore) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (SlotSummary s : SlotSummary.of(keystore)) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("slot", s.index());
            k.put("id", s.slotId());
            k.put("type", s.keyType());
            k.put("mask", s.maskHex());
            k.put("partitions", s.allowedPartitions());
            k.put("sha256", s.fingerprint());
            keys.add(k);
        }
        return keys;
    }

    /** 16 bytes a line, each line led by its address; the UDS shown as "..", never its bytes. */
    public static String hexDump(byte[] otp) {
        HexFormat hf = HexFormat.of().withUpperCase();
        StringBuilder sb = new StringBuilder();
        for (int off = 0; off < otp.length; off += 16) {
            sb.append(String.format("%08X ", Stm32h5.OTP_BASE + off));
            for (int i = 0; i < 16; i++) {
                boolean uds = off + i >= OtpLayout.UDS_OFFSET && off + i < OtpLayout.UDS_OFFSET + OtpLayout.UDS_LENGTH;
                sb.append(' ').append(uds ? ".." : hf.toHexDigits(otp[off + i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
