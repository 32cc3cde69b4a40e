package io.bootrig.board.soc;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** One immutable set of option-byte words, with the fields the model acts on decoded. */
public final class OptionByteValues {
    public static final int TZEN_ENABLED = 0xB4;
    public static final int TZEN_DISABLED = 0xC3;
    public static final int BOOT_LOCK_ENABLED = 0xB4;
    public static final int BOOT_UBE_OEM_IROT = 0xB4;
    public static final int BOOT_UBE_ST_IROT = 0xC3;

    private static final OptionWord[] WORDS = OptionWord.values();

    private final int[] words;

    private OptionByteValues(int[] words) {
        this.words = words;
    }

    /** What a new part carries: TrustZone off, product state Open, no bank swap, no protection. */
    public static OptionByteValues factory() {
        int[] words = new int[WORDS.length];
        for (OptionWord word : WORDS) {
            words[word.ordinal()] = word.factoryValue();
        }
        return new OptionByteValues(words);
    }

    public static OptionByteValues of(Map<OptionWord, Integer> values) {
        int[] words = new int[WORDS.length];
        for (OptionWord word : WORDS) {
            Integer value = values.get(word);
            if (value == null) {
                throw new IllegalArgumentException("option word " + word + " missing");
            }
            words[word.ordinal()] = value;
        }
        return new OptionByteValues(words);
    }

    public int get(OptionWord word) {
        return words[word.ordinal()];
    }

    public OptionByteValues with(OptionWord word, int value) {
        int[] changed = words.clone();
        changed[word.ordinal()] = value;
        return new OptionByteValues(changed);
    }

    public Map<OptionWord, Integer> asMap() {
        Map<OptionWord, Integer> map = new EnumMap<>(OptionWord.class);
        for (OptionWord word : WORDS) {
            map.put(word, words[word.ordinal()]);
        }
        return map;
    }

    public int productStateCode() {
        return (get(OptionWord.OPTSR) >>> 8) & 0xFF;
    }

    public int bootUbe() {
        return (get(OptionWord.OPTSR) >>> 22) & 0xFF;
    }

    public boolean swapBank() {
        return get(OptionWord.OPTSR) < 0;
    }

    public int tzen() {
        return get(OptionWord.OPTSR2) >>> 24;
    }

    public boolean trustZoneEnabled() {
        return tzen() == TZEN_ENABLED;
    }

    /** First secure sector of the physical bank's watermark (SECWMxR.SECWM_STRT). */
    public int secureWatermarkStart(int bank) {
        return get(bank == 1 ? OptionWord.SECWM1R : OptionWord.SECWM2R) & 0x7F;
    }

    /** Last secure sector of the physical bank's watermark (SECWMxR.SECWM_END); start above end means none. */
    public int secureWatermarkEnd(int bank) {
        return (get(bank == 1 ? OptionWord.SECWM1R : OptionWord.SECWM2R) >>> 16) & 0x7F;
    }

    public boolean inSecureWatermark(int bank, int sector) {
        return secureWatermarkStart(bank) <= sector && sector <= secureWatermarkEnd(bank);
    }

    /** WRPxR: a clear bit N protects sectors 4N..4N+3 of the physical bank. */
    public boolean writeProtected(int bank, int sector) {
        int wrp = get(bank == 1 ? OptionWord.WRP1R : OptionWord.WRP2R);
        return (wrp & (1 << (sector / 4))) == 0;
    }

    public boolean otpBlockLocked(int block) {
        return (get(OptionWord.OTPBLR) & (1 << block)) != 0;
    }

    public long nonSecureBootAddress() {
        return get(OptionWord.NSBOOTR) & 0xFFFF_FF00L;
    }

    public long secureBootAddress() {
        return get(OptionWord.SECBOOTR) & 0xFFFF_FF00L;
    }

    public boolean nonSecureBootLocked() {
        return (get(OptionWord.NSBOOTR) & 0xFF) == BOOT_LOCK_ENABLED;
    }

    public boolean secureBootLocked() {
        return (get(OptionWord.SECBOOTR) & 0xFF) == BOOT_LOCK_ENABLED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptionByteValues that && Arrays.equals(words, that.words);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        for (OptionWord word : WORDS) {
            text.add(String.format("%s=0x%08X", word, words[word.ordinal()]));
        }
        return text.toString();
    }
}
