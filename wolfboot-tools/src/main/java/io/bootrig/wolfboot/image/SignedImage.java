package io.bootrig.wolfboot.image;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.LittleEndian;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A wolfBoot signed image: "WOLF", the payload size, the TLVs of the manifest header, 0xFF up to
 * the header size, then the payload. Parsing follows wolfBoot_find_header: start at byte 8, skip a
 * 0xFF byte or an odd offset one byte at a time, stop at tag 0; unlike the device (which just stops
 * looking) a TLV that overruns the header is reported as malformed.
 */
public final class SignedImage {
    public static final int MAGIC = 0x464C4F57;
    public static final int HEADER_OFFSET = 8;

    private final String source;
    private final byte[] bytes;
    private final int headerSize;
    private final long payloadSize;
    private final List<Tlv> tlvs;

    private SignedImage(String source, byte[] bytes, int headerSize, long payloadSize, List<Tlv> tlvs) {
        this.source = source;
        this.bytes = bytes;
        this.headerSize = headerSize;
        this.payloadSize = payloadSize;
        this.tlvs = List.copyOf(tlvs);
    }

    /**
     * @param headerSize the IMAGE_HEADER_SIZE the image was signed with; when empty it is taken as
     *                   the file length minus the payload size
     */
    public static SignedImage parse(String source, byte[] bytes, OptionalInt headerSize) throws FormatException {
        if (bytes.length < HEADER_OFFSET) {
            throw new FormatException(source, "header", "truncated: " + bytes.length
                    + " bytes, a wolfBoot image starts with an 8-byte magic and size");
        }
        if (LittleEndian.u32(bytes, 0) != (MAGIC & 0xFFFFFFFFL)) {
            throw new FormatException(source, "header.magic", String.format(
                    "expected \"WOLF\" (57 4f 4c 46), found %02x %02x %02x %02x", bytes[0], bytes[1], bytes[2], bytes[3]));
        }
        long size = LittleEndian.u32(bytes, 4);
        int hdr;
        if (headerSize.isPresent()) {
            hdr = headerSize.getAsInt();
            if (hdr < HEADER_OFFSET + 4 || hdr > bytes.length) {
                throw new FormatException(source, "header size", "header size " + hdr + " does not fit the "
                        + bytes.length + "-byte file");
            }
            if (hdr + size > bytes.length) {
                throw new FormatException(source, "header.size", "payload size " + size + " + header " + hdr
                        + " is beyond the end of the " + bytes.length + "-byte file");
            }
        } else {
            if (size > bytes.length - HEADER_OFFSET - 4L) {
                throw new FormatException(source, "header.size", "payload size " + size
                        + " is beyond the end of the " + bytes.length + "-byte file");
            }
            hdr = (int) (bytes.length - size);
        }
        List<Tlv> tlvs = new ArrayList<>();
        int p = HEADER_OFFSET;
        while (p + 4 <= hdr) {
            if ((bytes[p] & 0xFF) == 0xFF || (p & 1) != 0) {
                p++;
                continue;
            }
            int tag = LittleEndian.u16(bytes, p);
            if (tag == TlvTag.END) {
                break;
            }
            int len = LittleEndian.u16(bytes, p + 2);
            if (4 + len > hdr - HEADER_OFFSET || p + 4 + len > hdr) {
                throw new FormatException(source, String.format("tlv@%d (tag 0x%04x)", p, tag), "length " + len
                        + " overruns the " + hdr + "-byte header");
            }
            tlvs.add(new Tlv(p, tag, Arrays.copyOfRange(bytes, p + 4, p + 4 + len)));
            p += 4 + len;
        }
        SignedImage img = new SignedImage(source, bytes.clone(), hdr, size, tlvs);
        img.checkKnownLengths();
        return img;
    }

    private void checkKnownLengths() throws FormatException {
        expectLength(TlvTag.VERSION, 4);
        expectLength(TlvTag.TIMESTAMP, 8);
        expectLength(TlvTag.IMG_TYPE, 2);
    }

    private void expectLength(int tag, int len) throws FormatException {
        Optional<Tlv> t = find(tag);
        if (t.isPresent() && t.get().length() != len) {
            throw new FormatException(source, TlvTag.name(tag) + "@" + t.get().offset(), "length "
                    + t.get().length() + ", expected " + len);
        }
    }

    public String source() {
        return source;
    }

    public int headerSize() {
        return headerSize;
    }

    public long payloadSize() {
        return payloadSize;
    }

    /** Bytes after the payload (e.g. XMODEM padding or a flash dump's tail). */
    public long trailingBytes() {
        return bytes.length - headerSize - payloadSize;
    }

    public List<Tlv> tlvs() {
        return tlvs;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] payload() {
        return Arrays.copyOfRange(bytes, headerSize, (int) (headerSize + payloadSize));
    }

    /** The first TLV with this tag, as wolfBoot finds it. */
    public Optional<Tlv> find(int tag) {
        return tlvs.stream().filter(t -> t.tag() == tag).findFirst();
    }

    public OptionalLong version() {
        return find(TlvTag.VERSION).map(t -> OptionalLong.of(t.number())).orElse(OptionalLong.empty());
    }

    public OptionalLong timestamp() {
        return find(TlvTag.TIMESTAMP).map(t -> OptionalLong.of(t.number())).orElse(OptionalLong.empty());
    }

    public OptionalInt imageType() {
        return find(TlvTag.IMG_TYPE).map(t -> OptionalInt.of((int) t.number())).orElse(OptionalInt.empty());
    }

    /** Bits 3..0 of the image type. */
    public OptionalInt partitionId() {
        OptionalInt t = imageType();
        return t.isPresent() ? OptionalInt.of(t.getAsInt() & 0x000F) : OptionalInt.empty();
    }

    /** Bits 15..8 of the image type, when they name an algorithm. */
    public Optional<AuthType> authType() {
        OptionalInt t = imageType();
        return t.isPresent() ? AuthType.byCode(t.getAsInt() >> 8) : Optional.empty();
    }

    /** Bits 7..4 of the image type: 0x00D0 marks a delta image. */
    public OptionalInt imageFlags() {
        OptionalInt t = imageType();
        return t.isPresent() ? OptionalInt.of(t.getAsInt() & 0x00F0) : OptionalInt.empty();
    }

    /** The first digest TLV in the header (SHA256, SHA384 or SHA3-384). */
    public Optional<Tlv> digestTlv() {
        return tlvs.stream().filter(t -> HashAlgorithm.byTlvTag(t.tag()).isPresent()).findFirst();
    }

    public Optional<HashAlgorithm> hashAlgorithm() {
        return digestTlv().flatMap(t -> HashAlgorithm.byTlvTag(t.tag()));
    }

    public Optional<byte[]> pubkeyHint() {
        return find(TlvTag.PUBKEY).map(Tlv::value);
    }

    public Optional<byte[]> signature() {
        return find(TlvTag.SIGNATURE).map(Tlv::value);
    }

    /** The digest as the device computes it: header up to the digest TLV's tag, then the payload. */
    public Optional<byte[]> computeDigest() {
        Optional<Tlv> d = digestTlv();
        if (d.isEmpty()) {
            return Optional.empty();
        }
        HashAlgorithm h = HashAlgorithm.byTlvTag(d.get().tag()).orElseThrow();
        org.bouncycastle.crypto.Digest md = h.newDigest();
        md.update(bytes, 0, d.get().offset());
        md.update(bytes, headerSize, (int) payloadSize);
        byte[] out = new byte[md.getDigestSize()];
        md.doFinal(out, 0);
        return Optional.of(out);
    }
}
