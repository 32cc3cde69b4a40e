package io.bootrig.wolfboot.crypto;

import java.util.Optional;
import org.bouncycastle.crypto.params.LMOtsParameters;
import org.bouncycastle.crypto.params.LMSigParameters;

/**
 * An HSS parameter set as wolfBoot configures it (LMS_LEVELS, LMS_HEIGHT, LMS_WINTERNITZ): every
 * level uses the same SHA-256/32-byte LMS tree height and LM-OTS Winternitz width.
 */
public record LmsParameters(int levels, int height, int winternitz) {

    public LmsParameters {
        if (levels < 1 || levels > 8) {
            throw new IllegalArgumentException("LMS levels must be 1..8, got " + levels);
        }
        if (lmsSig(height).isEmpty()) {
            throw new IllegalArgumentException("LMS height must be 5, 10, 15, 20 or 25, got " + height);
        }
        if (ots(winternitz).isEmpty()) {
            throw new IllegalArgumentException("LMS Winternitz parameter must be 1, 2, 4 or 8, got " + winternitz);
        }
    }

    public static Optional<LmsParameters> of(int levels, int height, int winternitz) {
        if (levels < 1 || levels > 8 || lmsSig(height).isEmpty() || ots(winternitz).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LmsParameters(levels, height, winternitz));
    }

    /** From RFC 8554 type codes (LMS type, LM-OTS type), SHA-256/32-byte sets only. */
    public static Optional<LmsParameters> fromTypes(int levels, int lmsType, int otsType) {
        int h = switch (lmsType) {
            case 5 -> 5;
            case 6 -> 10;
            case 7 -> 15;
            case 8 -> 20;
            case 9 -> 25;
            default -> -1;
        };
        int w = switch (otsType) {
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 4;
            case 4 -> 8;
            default -> -1;
        };
        return h < 0 || w < 0 ? Optional.empty() : of(levels, h, w);
    }

    public LMSigParameters lmsParameters() {
        return lmsSig(height).orElseThrow();
    }

    public LMOtsParameters otsParameters() {
        return ots(winternitz).orElseThrow();
    }

    public int lmsType() {
        return lmsParameters().getType();
    }

    public int otsType() {
        return otsParameters().getType();
    }

    /** Bytes of one LMS signature: q, the LM-OTS signature, the type and the authentication path. */
    public int lmsSignatureSize() {
        LMOtsParameters o = otsParameters();
        return 4 + (4 + o.getN() + o.getN() * o.getP()) + 4 + 32 * height;
    }

    /** HSS signature: Nspk, then (LMS signature, 56-byte LMS public key) per upper level, then the last. */
    public int signatureSize() {
        return 4 + levels * lmsSignatureSize() + (levels - 1) * 56;
    }

    /** Total signatures a key of this set can make. */
    public long capacity() {
        return 1L << Math.min(62, (long) levels * height);
    }

    public String label() {
        return "L" + levels + "-H" + height + "-W" + winternitz;
    }

    private static Optional<LMSigParameters> lmsSig(int height) {
        return Optional.ofNullable(switch (height) {
            case 5 -> LMSigParameters.lms_sha256_n32_h5;
            case 10 -> LMSigParameters.lms_sha256_n32_h10;
            case 15 -> LMSigParameters.lms_sha256_n32_h15;
            case 20 -> LMSigParameters.lms_sha256_n32_h20;
            case 25 -> LMSigParameters.lms_sha256_n32_h25;
            default -> null;
        });
    }

    private static Optional<LMOtsParameters> ots(int w) {
        return Optional.ofNullable(switch (w) {
            case 1 -> LMOtsParameters.sha256_n32_w1;
            case 2 -> LMOtsParameters.sha256_n32_w2;
            case 4 -> LMOtsParameters.sha256_n32_w4;
            case 8 -> LMOtsParameters.sha256_n32_w8;
            default -> null;
        });
    }
}
