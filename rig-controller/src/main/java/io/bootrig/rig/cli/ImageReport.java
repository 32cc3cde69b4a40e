package io.bootrig.rig.cli;

import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import io.bootrig.wolfboot.image.SignedImage;
import io.bootrig.wolfboot.image.Tlv;
import io.bootrig.wolfboot.image.TlvTag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code rig image inspect} shows of an image, as text lines or as a JSON-ready map. */
final class ImageReport {
    private static final HexFormat HEX = HexFormat.of();

    private ImageReport() {}

    static Map<String, Object> toMap(SignedImage img, int fileSize) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", img.source());
        m.put("fileSize", fileSize);
        m.put("headerSize", img.headerSize());
        m.put("payloadSize", img.payloadSize());
        m.put("trailingBytes", img.trailingBytes());
        img.version().ifPresent(v -> m.put("version", v));
        img.timestamp().ifPresent(t -> m.put("timestamp", t));
        img.imageType().ifPresent(t -> {
            m.put("imageType", String.format("0x%04x", t));
            m.put("authType", img.authType().map(AuthType::wolfBootName).orElse(String.format("unknown 0x%02x", t >> 8)));
            m.put("partitionId", t & 0xF);
            m.put("delta", (t & 0xF0) == 0xD0);
        });
        img.hashAlgorithm().ifPresent(h -> {
            m.put("hash", h.displayName());
            m.put("digestMatches", java.security.MessageDigest.isEqual(img.computeDigest().orElseThrow(),
                    img.digestTlv().orElseThrow().value()));
        });
        img.pubkeyHint().ifPresent(h -> m.put("pubkeyHint", HEX.formatHex(h)));
        img.signature().ifPresent(s -> m.put("signatureSize", s.length));
        List<Map<String, Object>> tlvs = new ArrayList<>();
        for (Tlv t : img.tlvs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("offset", t.offset());
            e.put("tag", String.format("0x%04x", t.tag()));
            e.put("name", t.name());
            e.put("length", t.length());
            e.put("value", value(t));
            tlvs.add(e);
        }
        m.put("tlvs", tlvs);
        return m;
    }

    private static String value(Tlv t) {
        return switch (t.tag()) {
            case TlvTag.VERSION -> t.length() == 4 ? Long.toString(t.number()) : HEX.formatHex(t.value());
            case TlvTag.TIMESTAMP -> t.length() == 8 ? Long.toUnsignedString(t.number()) : HEX.formatHex(t.value());
            case TlvTag.IMG_TYPE -> t.length() == 2 ? String.format("0x%04x", t.number()) : HEX.formatHex(t.value());
            default -> HEX.formatHex(t.value());
        };
    }

    static List<String> toLines(SignedImage img, int fileSize) {
        List<String> out = new ArrayList<>();
        out.add(img.source() + ": wolfBoot image, " + fileSize + " bytes");
        out.add(String.format("  header size  %d   payload size %d%s", img.headerSize(), img.payloadSize(),
                img.trailingBytes() > 0 ? "   trailing bytes " + img.trailingBytes() : ""));
        img.version().ifPresent(v -> out.add("  version      " + v + String.format(" (0x%x)", v)));
        img.timestamp().ifPresent(t -> out.add("  timestamp    " + t + " (" + Instant.ofEpochSecond(t) + ")"));
        img.imageType().ifPresent(t -> out.add(String.format("  image type   0x%04x: %s, partition id %d%s%s", t,
                img.authType().map(AuthType::wolfBootName).orElse(String.format("unknown auth 0x%02x", t >> 8)),
                t & 0xF, partitionName(t & 0xF), (t & 0xF0) == 0xD0 ? ", delta" : "")));
        img.hashAlgorithm().ifPresent(h -> out.add("  digest       " + h.displayName() + " "
                + (java.security.MessageDigest.isEqual(img.computeDigest().orElseThrow(), img.digestTlv().orElseThrow().value())
                        ? "matches header and payload" : "DOES NOT MATCH header and payload")));
        img.pubkeyHint().ifPresent(h -> out.add("  pubkey hint  " + HEX.formatHex(h)));
        img.signature().ifPresent(s -> out.add("  signature    " + s.length + " bytes"));
        out.add("  TLVs:");
        for (Tlv t : img.tlvs()) {
            String v = value(t);
            out.add(String.format("    @%-5d 0x%04x %-18s len %-5d %s", t.offset(), t.tag(), t.name(), t.length(),
                    v.length() > 64 ? v.substring(0, 64) + "..." : v));
        }
        return out;
    }

    static String partitionName(int id) {
        return switch (id) {
            case 0 -> " (wolfBoot self-update)";
            case 1 -> " (application)";
            default -> "";
        };
    }

    static String hashName(HashAlgorithm h) {
        return h.displayName();
    }
}
