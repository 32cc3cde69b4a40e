package io.bootrig.rig.stm32h5;

import static io.bootrig.rig.openocd.Tcl.hex;

import io.bootrig.rig.openocd.OpenOcd;
import io.bootrig.rig.openocd.OpenOcdException;
import io.bootrig.rig.openocd.Tcl;
import io.bootrig.rig.openocd.TclErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STM32H5 operations through OpenOCD, using the register-level procedures of
 * board-configs/openocd/bootrig-stm32h5.tcl (sourced into OpenOCD with the target configuration).
 * Flash controller errors and read-back mismatches are {@link TargetOperationException}s; OpenOCD
 * failing is an {@link OpenOcdException}.
 */
public final class Stm32h5 {
    public static final long FLASH_NS = 0x08000000L;
    public static final long FLASH_S = 0x0C000000L;
    public static final long FLASH_SIZE = 0x200000L;
    public static final long OTP_BASE = 0x08FFF000L;
    public static final int OTP_SIZE = 2048;
    private static final long SECTOR = 0x2000;
    private static final long BANK = 0x100000;
    private static final int WINDOW = 16 * 1024;
    private static final Duration ERASE_TIMEOUT = Duration.ofSeconds(90);
    private static final Logger LOG = LoggerFactory.getLogger(Stm32h5.class);

    private final OpenOcd ocd;
    private final Path workDir;

    /** @param workDir where temporary image windows and dumps go */
    public Stm32h5(OpenOcd ocd, Path workDir) {
        this.ocd = ocd;
        this.workDir = workDir;
    }

    public Identity identity() throws OpenOcdException, TargetOperationException {
        Map<String, Long> v = pairs(run("identity", "bootrig_identity"));
        long idcode = v.get("idcode");
        String uid = String.format("%08x%08x%08x", v.get("uid2"), v.get("uid1"), v.get("uid0"));
        int kb = (int) (long) v.get("flash_kb");
        return new Identity((int) (idcode & 0xFFF), (int) (idcode >>> 16), uid, kb == 0xFFFF || kb == 0 ? 2048 : kb,
                OptionBytes.decode(v.get("optsr"), v.get("optsr2"), v.get("secwm1"), v.get("secwm2")), v.get("otpblr"));
    }

    public OptionBytes readOptionBytes() throws OpenOcdException, TargetOperationException {
        return identity().options();
    }

    /**
     * Programs only the option bytes that differ from {@code desired}: TZEN and SWAP_BANK first (they act
     * after a reset), then the secure watermarks through the secure registers (they need TrustZone on),
     * each change followed by a reset, and checks the values in effect afterwards.
     *
     * @return one line per changed field ("TZEN 0xC3 -> 0xB4"), empty when nothing differed
     */
    public List<String> programOptionBytes(DesiredOptions desired) throws OpenOcdException, TargetOperationException {
        List<String> changes = new ArrayList<>();
        OptionBytes now = readOptionBytes();
        boolean cycle = false;
        if (desired.tzen().isPresent() && desired.tzen().get() != now.tzen()) {
            optionWrite(false, 0x074, (long) desired.tzen().get() << 24, 0xFF000000L);
            changes.add(String.format("TZEN 0x%02X -> 0x%02X", now.tzen(), desired.tzen().get()));
            cycle = true;
        }
        if (desired.swapBank().isPresent() && desired.swapBank().get() != now.swapBank()) {
            optionWrite(false, 0x054, desired.swapBank().get() ? 0x80000000L : 0, 0x80000000L);
            changes.add("SWAP_BANK " + (now.swapBank() ? 1 : 0) + " -> " + (desired.swapBank().get() ? 1 : 0));
            cycle = true;
        }
        if (cycle) {
            commitAndReset(false);
            now = readOptionBytes();
        }
        boolean wmCycle = false;
        OptionBytes current = now;
        boolean wmDiffers = desired.secwm1().map(w -> !w.equals(current.secwm1())).orElse(false)
                || desired.secwm2().map(w -> !w.equals(current.secwm2())).orElse(false);
        if (wmDiffers && !now.trustZone()) {
            throw new TargetOperationException("option bytes", "secure watermarks can only be set with TrustZone "
                    + "enabled (TZEN=0xB4); TZEN is 0x" + Integer.toHexString(now.tzen()).toUpperCase());
        }
        if (desired.secwm1().isPresent() && !desired.secwm1().get().equals(now.secwm1())) {
            optionWrite(true, 0x0E4, desired.secwm1().get().register(), 0x007F007FL);
            changes.add("SECWM1 " + now.secwm1() + " -> " + desired.secwm1().get());
            wmCycle = true;
        }
        if (desired.secwm2().isPresent() && !desired.secwm2().get().equals(now.secwm2())) {
            optionWrite(true, 0x1E4, desired.secwm2().get().register(), 0x007F007FL);
            changes.add("SECWM2 " + now.secwm2() + " -> " + desired.secwm2().get());
            wmCycle = true;
        }
        if (wmCycle) {
            commitAndReset(true);
            now = readOptionBytes();
        }
        verify(desired, now);
        return changes;
    }

    private static void verify(DesiredOptions d, OptionBytes now) throws TargetOperationException {
        List<String> wrong = new ArrayList<>();
        d.tzen().filter(t -> t != now.tzen()).ifPresent(t -> wrong.add(String.format("TZEN is 0x%02X, wanted 0x%02X", now.tzen(), t)));
        d.swapBank().filter(s -> s != now.swapBank()).ifPresent(s -> wrong.add("SWAP_BANK is " + now.swapBank()));
        d.secwm1().filter(w -> !w.equals(now.secwm1())).ifPresent(w -> wrong.add("SECWM1 is " + now.secwm1() + ", wanted " + w));
        d.secwm2().filter(w -> !w.equals(now.secwm2())).ifPresent(w -> wrong.add("SECWM2 is " + now.secwm2() + ", wanted " + w));
        if (!wrong.isEmpty()) {
            throw new TargetOperationException("option bytes", "after reset: " + String.join("; ", wrong));
        }
    }

    private void optionWrite(boolean secure, int offset, long value, long mask) throws OpenOcdException, TargetOperationException {
        run("option bytes", "bootrig_option_write", secure ? 1 : 0, hex(offset), hex(value), hex(mask));
    }

    private void commitAndReset(boolean secure) throws OpenOcdException, TargetOperationException {
        run("option bytes", "bootrig_option_commit", secure ? 1 : 0);
        reset(ResetMode.HALT);
    }

    /** MER on both banks; OTP and option bytes stay. Uses the secure registers when TrustZone is on. */
    public void massErase() throws OpenOcdException, TargetOperationException {
        boolean secure = readOptionBytes().trustZone();
        runLong("mass erase", ERASE_TIMEOUT, "bootrig_mass_erase", secure ? 1 : 0);
    }

    /**
     * Erases one sector through the registers of its own security: the secure ones when TrustZone is on and the
     * bank's watermark covers it, else the non-secure ones.
     *
     * @param bank the physical bank, 1 or 2
     */
    public void eraseSector(int bank, int sector) throws OpenOcdException, TargetOperationException {
        if ((bank != 1 && bank != 2) || sector < 0 || sector > 127) {
            throw new IllegalArgumentException("bank 1..2 and sector 0..127, got bank " + bank + " sector " + sector);
        }
        OptionBytes ob = readOptionBytes();
        boolean secure = ob.trustZone() && (bank == 1 ? ob.secwm1() : ob.secwm2()).covers(sector);
        runLong("erase", ERASE_TIMEOUT, "bootrig_erase_sector", bank, sector, secure ? 1 : 0);
    }

    /**
     * Erases every 8 KB sector that {@code [address, address + length)} touches, in either alias; the physical bank
     * follows SWAP_BANK.
     *
     * @return the number of sectors erased
     */
    public int erase(long address, long length) throws OpenOcdException, TargetOperationException {
        boolean secure = address >= FLASH_S && address < FLASH_S + FLASH_SIZE;
        long offset = address - (secure ? FLASH_S : FLASH_NS);
        if (length <= 0 || offset < 0 || offset + length > FLASH_SIZE) {
            throw new IllegalArgumentException(String.format("0x%08X + %d bytes is not inside the flash", address, length));
        }
        boolean swapped = readOptionBytes().swapBank();
        int count = 0;
        for (long o = offset / SECTOR * SECTOR; o < offset + length; o += SECTOR) {
            int logicalBank = (int) (o / BANK) + 1;
            eraseSector(swapped ? 3 - logicalBank : logicalBank, (int) (o % BANK / SECTOR));
            count++;
        }
        return count;
    }

    /**
     * Programs {@code file} at {@code address} (non-secure alias 0x08..., or the secure alias 0x0C... to
     * program through the secure registers), padding the last quad-word with 0xFF, then reads the range
     * back and compares SHA-256.
     */
    public void program(Path file, long address, ProgressListener progress)
            throws OpenOcdException, TargetOperationException, IOException {
        byte[] data = Files.readAllBytes(file);
        String op = "program " + file.getFileName() + String.format(" at 0x%08X", address);
        boolean secure = address >= FLASH_S && address < FLASH_S + FLASH_SIZE;
        long base = secure ? FLASH_S : FLASH_NS;
        if (address % 16 != 0 || address < base || address + data.length > base + FLASH_SIZE) {
            throw new TargetOperationException(op, String.format("the %d bytes must fit the flash at a 16-byte aligned "
                    + "address (0x%08X..0x%08X or the secure alias)", data.length, FLASH_NS, FLASH_NS + FLASH_SIZE - 1));
        }
        byte[] padded = Arrays.copyOf(data, (data.length + 15) / 16 * 16);
        Arrays.fill(padded, data.length, padded.length, (byte) 0xFF);
        Files.createDirectories(workDir);
        Path window = Files.createTempFile(workDir, "window-", ".bin");
        try {
            for (int off = 0; off < padded.length; off += WINDOW) {
                int n = Math.min(WINDOW, padded.length - off);
                Files.write(window, Arrays.copyOfRange(padded, off, off + n));
                runLong(op, Duration.ofSeconds(60), "bootrig_program", window.toString(), hex(address + off),
                        secure ? 1 : 0, 1024);
                progress.progress(op, off + n, padded.length);
            }
        } finally {
            Files.deleteIfExists(window);
        }
        byte[] back = dump(address, padded.length);
        if (!Arrays.equals(sha256(back), sha256(padded))) {
            int first = mismatch(padded, back);
            throw new TargetOperationException(op, String.format("read-back differs from the file, first at 0x%08X "
                    + "(wrote 0x%02X, read 0x%02X)", address + first, padded[first], back[first]));
        }
        LOG.info("{}: {} bytes programmed and verified", op, data.length);
    }

    /** Reads {@code length} bytes through dump_image. */
    public byte[] dump(long address, int length) throws OpenOcdException, TargetOperationException, IOException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "dump-", ".bin");
        try {
            runLong("read", Duration.ofSeconds(120), "dump_image", out.toString(), hex(address), length);
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    public byte[] readOtp() throws OpenOcdException, TargetOperationException {
        String[] words = run("OTP read", "bootrig_otp_read").trim().split("\\s+");
        if (words.length != OTP_SIZE / 2) {
            throw new TargetOperationException("OTP read", "expected 1024 half-words, got " + words.length);
        }
        byte[] out = new byte[OTP_SIZE];
        for (int i = 0; i < words.length; i++) {
            int w = (int) (long) Long.decode(words[i]);
            out[2 * i] = (byte) w;
            out[2 * i + 1] = (byte) (w >>> 8);
        }
        return out;
    }

    /**
     * Writes the half-words of {@code image} that are not 0xFFFF. Refuses, before any write, when a
     * half-word already holds a different value (OTP cannot be erased or rewritten); half-words that
     * already hold the wanted value are skipped. Reads back and compares afterwards.
     * Callers are the provisioning flow's guards; nothing else should reach this.
     *
     * @return the number of half-words written
     */
    public int programOtp(byte[] image) throws OpenOcdException, TargetOperationException {
        if (image.length != OTP_SIZE) {
            throw new TargetOperationException("OTP program", "the image must be 2048 bytes, got " + image.length);
        }
        byte[] current = readOtp();
        List<String> conflicts = new ArrayList<>();
        List<Object> pairs = new ArrayList<>();
        for (int i = 0; i < OTP_SIZE; i += 2) {
            int want = (image[i] & 0xFF) | (image[i + 1] & 0xFF) << 8;
            int have = (current[i] & 0xFF) | (current[i + 1] & 0xFF) << 8;
            if (want == have) {
                continue;
            }
            if (have != 0xFFFF) {
                conflicts.add(String.format("0x%03X holds 0x%04X, image wants 0x%04X", i, have, want));
            } else {
                pairs.add(hex(OTP_BASE + i));
                pairs.add(String.format("0x%04x", want));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new TargetOperationException("OTP program", "OTP already holds other data (" + conflicts.size()
                    + " half-words differ; first: " + conflicts.get(0) + "); nothing was written");
        }
        for (int i = 0; i < pairs.size(); i += 128) {
            String list = String.join(" ", pairs.subList(i, Math.min(pairs.size(), i + 128)).stream().map(String::valueOf).toList());
            run("OTP program", "bootrig_otp_program", list);
        }
        byte[] after = readOtp();
        if (!Arrays.equals(after, image)) {
            int first = mismatch(image, after);
            throw new TargetOperationException("OTP program", String.format("read-back differs at 0x%03X", first));
        }
        return pairs.size() / 2;
    }

    public void reset(ResetMode mode) throws OpenOcdException, TargetOperationException {
        run("reset", "reset", mode == ResetMode.HALT ? "halt" : "run");
    }

    public long readWord(long address) throws OpenOcdException, TargetOperationException {
        return readWords(address, 1)[0];
    }

    public long[] readWords(long address, int count) throws OpenOcdException, TargetOperationException {
        String[] w = run("read", "read_memory", hex(address), 32, count).trim().split("\\s+");
        return Arrays.stream(w).mapToLong(Long::decode).toArray();
    }

    public void writeWords(long address, long... words) throws OpenOcdException, TargetOperationException {
        String list = String.join(" ", Arrays.stream(words).mapToObj(Tcl::hex).toList());
        run("write", "write_memory", hex(address), 32, list);
    }

    private String run(String op, String proc, Object... args) throws OpenOcdException, TargetOperationException {
        try {
            return ocd.call(proc, args);
        } catch (TclErrorException e) {
            throw new TargetOperationException(op, e.tclMessage());
        }
    }

    private String runLong(String op, Duration timeout, String proc, Object... args)
            throws OpenOcdException, TargetOperationException {
        try {
            return ocd.call(timeout, proc, args);
        } catch (TclErrorException e) {
            throw new TargetOperationException(op, e.tclMessage());
        }
    }

    private static Map<String, Long> pairs(String reply) throws TargetOperationException {
        String[] t = reply.trim().split("\\s+");
        if (t.length % 2 != 0) {
            throw new TargetOperationException("identity", "unexpected reply: " + reply);
        }
        Map<String, Long> m = new HashMap<>();
        for (int i = 0; i < t.length; i += 2) {
            m.put(t[i], Long.decode(t[i + 1]));
        }
        return m;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int mismatch(byte[] a, byte[] b) {
        int m = Arrays.mismatch(a, b);
        return m < 0 ? 0 : Math.min(m, Math.min(a.length, b.length) - 1);
    }


}
