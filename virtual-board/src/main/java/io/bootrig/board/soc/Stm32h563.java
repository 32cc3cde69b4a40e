package io.bootrig.board.soc;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.ResetLine;
import io.bootrig.board.bus.SystemBus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STM32H563ZI system-on-chip behind the debug port: its system bus (flash, OTP, device
 * identification, SRAM, FLASH registers, DBGMCU; anything else is a bus error), its reset, and its
 * non-volatile state, optionally kept in a directory. The Cortex-M33 private peripheral bus
 * (0xE0000000 and up) is not part of it.
 * <p>
 * Thread-safe: every entry point locks the SoC.
 */
public final class Stm32h563 implements SystemBus, ResetLine, AutoCloseable {
    public static final long FLASH_NON_SECURE_BASE = FlashAddressMap.NON_SECURE_BASE;
    public static final long FLASH_SECURE_BASE = FlashAddressMap.SECURE_BASE;
    public static final int FLASH_SIZE = FlashAddressMap.SIZE;
    public static final int FLASH_BANK_SIZE = FlashArray.BANK_SIZE;
    public static final int FLASH_SECTOR_SIZE = FlashArray.SECTOR_SIZE;
    public static final long OTP_BASE = 0x08FF_F000L;
    public static final int OTP_SIZE = OtpArea.SIZE;
    public static final long UID_BASE = DeviceInfo.BASE;
    public static final long FLASH_SIZE_REGISTER = DeviceInfo.BASE + 0xC;
    public static final long PACKAGE_REGISTER = DeviceInfo.BASE + 0xE;
    public static final long SRAM_NON_SECURE_BASE = Sram.NON_SECURE_BASE;
    public static final long SRAM_SECURE_BASE = Sram.SECURE_BASE;
    public static final int SRAM_SIZE = Sram.SIZE;
    public static final long DBGMCU_BASE = Dbgmcu.SYSTEM_BUS_BASE;
    /** Where AP0 (the debug APB) sees the DBGMCU. */
    public static final long DBGMCU_DEBUG_BUS_BASE = Dbgmcu.DEBUG_BUS_BASE;
    public static final int DBGMCU_SIZE = Dbgmcu.SIZE;
    public static final int DBGMCU_IDCODE = Dbgmcu.IDCODE_VALUE;
    /** DEV_ID of the STM32H56x/H57x. */
    public static final int DEVICE_ID = 0x484;

    private static final Logger LOG = LoggerFactory.getLogger(Stm32h563.class);

    private final BoardStateStore store;
    private final FlashArray flash = new FlashArray();
    private final OtpArea otp = new OtpArea();
    private final OptionBytes optionBytes = new OptionBytes(OptionByteValues.factory());
    private final FlashAddressMap addressMap = new FlashAddressMap();
    private final TrustZonePolicy trustZone = new TrustZonePolicy(optionBytes);
    private final EccMonitor ecc = new EccMonitor();
    private final FlashListeners listeners = new FlashListeners();
    private final Sram sram = new Sram();
    private final Dbgmcu dbgmcu;
    private final DeviceInfo deviceInfo;
    private final FlashController flashController;
    private final MemoryMap systemBus;
    private final MemoryMap debugBus;
    private boolean closed;

    private Stm32h563(Builder builder) throws IOException {
        this.dbgmcu = new Dbgmcu(builder.deviceId);
        store = builder.directory == null
                ? BoardStateStore.inMemory(flash, otp, optionBytes)
                : new DirectoryBoardStateStore(builder.directory, flash, otp, optionBytes);
        Optional<byte[]> storedUid = store.load();
        byte[] uid = storedUid.orElseGet(() -> builder.uid != null ? builder.uid.clone() : newUid(builder.directory != null));
        if (builder.uid != null && storedUid.isPresent() && !Arrays.equals(builder.uid, storedUid.get())) {
            store.close();
            throw new IOException(builder.directory + " holds a board with another unique ID");
        }
        if (storedUid.isEmpty()) {
            try {
                store.create(uid);
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }
        deviceInfo = new DeviceInfo(uid);

        FlashOperations operations = new FlashOperations(flash, otp, optionBytes, trustZone, addressMap, listeners,
                builder.overprogramPolicy, this::persist);
        FlashControlChannel nonSecure = new FlashControlChannel(false, operations, listeners);
        FlashControlChannel secure = new FlashControlChannel(true, operations, listeners);
        flashController = new FlashController(nonSecure, secure, optionBytes, trustZone, addressMap, ecc, operations);
        FlashMemoryPort flashPort = new FlashMemoryPort(flash, addressMap, trustZone, nonSecure, secure, ecc);
        systemBus = new MemoryMap(List.of(
                new MemoryMap.Region("flash", FLASH_NON_SECURE_BASE, FLASH_SIZE, false, flashPort),
                new MemoryMap.Region("flash (secure alias)", FLASH_SECURE_BASE, FLASH_SIZE, true, flashPort),
                new MemoryMap.Region("OTP", OTP_BASE, OTP_SIZE, false, new OtpPort(otp, nonSecure, ecc)),
                new MemoryMap.Region("device identification", DeviceInfo.BASE, DeviceInfo.SIZE, false, deviceInfo),
                new MemoryMap.Region("SRAM", SRAM_NON_SECURE_BASE, SRAM_SIZE, false, sram),
                new MemoryMap.Region("SRAM (secure alias)", SRAM_SECURE_BASE, SRAM_SIZE, true, sram),
                new MemoryMap.Region("FLASH registers", FlashRegisters.BASE_NS, FlashRegisters.WINDOW_SIZE, false, flashController),
                new MemoryMap.Region("FLASH registers (secure alias)", FlashRegisters.BASE_S, FlashRegisters.WINDOW_SIZE, true,
                        flashController),
                new MemoryMap.Region("DBGMCU", DBGMCU_BASE, DBGMCU_SIZE, false, dbgmcu)), trustZone);
        debugBus = new MemoryMap(List.of(
                new MemoryMap.Region("DBGMCU (debug bus)", DBGMCU_DEBUG_BUS_BASE, DBGMCU_SIZE, false, dbgmcu)), trustZone);
        powerOn();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A board in memory only, with factory state. */
    public static Stm32h563 inMemory() {
        try {
            return builder().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A board kept in {@code directory}: loaded if it holds one, created with factory state if it is empty or missing. */
    public static Stm32h563 openOrCreate(Path directory) throws IOException {
        return builder().directory(directory).build();
    }

    @Override
    public synchronized long read(long address, int size, BusAccess access) throws BusFault {
        checkOpen();
        return systemBus.read(address, size, access);
    }

    @Override
    public synchronized void write(long address, int size, long value, BusAccess access) throws BusFault {
        checkOpen();
        systemBus.write(address, size, value, access);
    }

    /**
     * The DBGMCU as AP0 sees it on the debug bus: a bus that answers at 0xE0044000..0xE0044FFF
     * ({@link #DBGMCU_DEBUG_BUS_BASE}, {@link #DBGMCU_SIZE}) and faults elsewhere. The debug port
     * routes AP0 accesses in that window here.
     */
    public SystemBus dbgmcuDebugBus() {
        return new SystemBus() {
            @Override
            public long read(long address, int size, BusAccess access) throws BusFault {
                synchronized (Stm32h563.this) {
                    checkOpen();
                    return debugBus.read(address, size, access);
                }
            }

            @Override
            public void write(long address, int size, long value, BusAccess access) throws BusFault {
                synchronized (Stm32h563.this) {
                    checkOpen();
                    debugBus.write(address, size, value, access);
                }
            }
        };
    }

    public static boolean isDbgmcuDebugBusAddress(long address) {
        return address >= DBGMCU_DEBUG_BUS_BASE && address < DBGMCU_DEBUG_BUS_BASE + DBGMCU_SIZE;
    }

    /**
     * System reset (SYSRESETREQ, nSRST, a watchdog): option bytes reloaded, SWAP_BANK and TZEN take
     * effect, FLASH registers back to their reset values (locks set, flags clear, partial write
     * buffers lost). Flash, OTP, option-byte storage, SRAM and the DBGMCU are kept.
     */
    @Override
    public synchronized void systemReset(String cause) {
        checkOpen();
        flashController.systemReset();
        LOG.debug("system reset ({}): TrustZone {}, banks {}swapped, boot at 0x{}", cause,
                trustZone.enabled() ? "on" : "off", addressMap.swapped() ? "" : "not ", Long.toHexString(bootVectorTable()));
    }

    /** Cold start: a system reset that also clears SRAM and the DBGMCU (the debug domain). */
    public synchronized void powerOn() {
        checkOpen();
        sram.powerOn();
        dbgmcu.powerOn();
        systemReset("power-on");
    }

    /**
     * Where the core fetches its vector table after reset: SECBOOTADD (SECBOOTR) with TrustZone on,
     * NSBOOTADD (NSBOOTR) otherwise; 0x0C000000 / 0x08000000 on a factory part.
     */
    public synchronized long bootVectorTable() {
        OptionByteValues values = optionBytes.current();
        return trustZone.enabled() ? values.secureBootAddress() : values.nonSecureBootAddress();
    }

    /** TrustZone as latched at the last reset (option bytes TZEN=0xB4). */
    public synchronized boolean trustZoneEnabled() {
        return trustZone.enabled();
    }

    /** Bank swap as latched at the last reset: physical bank 2 at 0x08000000. */
    public synchronized boolean banksSwapped() {
        return addressMap.swapped();
    }

    /** The stored option bytes, i.e. the {@code _CUR} registers. */
    public synchronized OptionByteValues optionBytes() {
        return optionBytes.current();
    }

    /** Whether a double ECC error is recorded in ECCDETR (the flash NMI is pending). */
    public synchronized boolean flashDoubleEccErrorPending() {
        return ecc.doubleErrorPending();
    }

    public synchronized byte[] uniqueId() {
        return deviceInfo.uid();
    }

    /** Flash bytes at a flash address of either alias, through the current bank mapping, without any protection check. */
    public synchronized byte[] readFlash(long address, int length) {
        long base = address >= FLASH_SECURE_BASE ? FLASH_SECURE_BASE : FLASH_NON_SECURE_BASE;
        long offset = address - base;
        if (offset < 0 || length < 0 || offset + length > FLASH_SIZE) {
            throw new IllegalArgumentException(String.format("0x%08X + %d is outside the user flash", address, length));
        }
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            FlashAddressMap.Location location = addressMap.locate(offset + done);
            int chunk = Math.min(length - done, FlashArray.BANK_SIZE - location.offset());
            System.arraycopy(flash.copy(location.bank(), location.offset(), chunk), 0, bytes, done, chunk);
            done += chunk;
        }
        return bytes;
    }

    /** Bytes of a physical bank (1 or 2), whatever the bank mapping. */
    public synchronized byte[] readFlashBank(int bank, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > FlashArray.BANK_SIZE) {
            throw new IllegalArgumentException("bank offset 0x" + Integer.toHexString(offset) + " + " + length);
        }
        return flash.copy(bank, offset, length);
    }

    /** OTP bytes from 0x08FFF000 + offset; blank half-words read 0xFF (no ECC error recorded). */
    public synchronized byte[] readOtp(int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > OTP_SIZE) {
            throw new IllegalArgumentException("OTP offset 0x" + Integer.toHexString(offset) + " + " + length);
        }
        return otp.copy(offset, length);
    }

    public synchronized boolean isOtpProgrammed(int offset) {
        return otp.isProgrammed(offset);
    }

    public void addFlashListener(FlashListener listener) {
        listeners.add(listener);
    }

    public void removeFlashListener(FlashListener listener) {
        listeners.remove(listener);
    }

    public Optional<Path> storageDirectory() {
        return store.directory();
    }

    /** Saves the state and releases the directory; afterwards every access throws {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                store.close();
            } catch (IOException e) {
                throw new UncheckedIOException("closing the board state in " + store.directory().orElse(null), e);
            }
        }
    }

    private void persist() {
        try {
            store.saveChanges();
        } catch (IOException e) {
            throw new UncheckedIOException("saving the board state to " + store.directory().orElse(null), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the SoC is closed");
        }
    }

    private static byte[] newUid(boolean persistent) {
        if (!persistent) {
            return "bootrig-sim0".getBytes(StandardCharsets.US_ASCII);
        }
        byte[] uid = new byte[12];
        new SecureRandom().nextBytes(uid);
        return uid;
    }

    public static final class Builder {
        private Path directory;
        private byte[] uid;
        private OverprogramPolicy overprogramPolicy = OverprogramPolicy.REJECT;
        private int deviceId = DEVICE_ID;

        private Builder() {
        }

        /** Keep the non-volatile state in this directory (loaded if present, created if not). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** The 96-bit unique ID of a new board (12 bytes, as read from 0x08FFF800). */
        public Builder uniqueId(byte[] uid) {
            if (uid.length != 12) {
                throw new IllegalArgumentException("the unique ID is 12 bytes, got " + uid.length);
            }
            this.uid = uid.clone();
            return this;
        }

        /** DBGMCU_IDCODE.DEV_ID; another value than 0x484 makes the board look like another STM32 (a wrong board). */
        public Builder deviceId(int id) {
            if (id < 0 || id > 0xFFF) {
                throw new IllegalArgumentException("DEV_ID is 12 bits, got 0x" + Integer.toHexString(id));
            }
            this.deviceId = id;
            return this;
        }

        public Builder overprogramPolicy(OverprogramPolicy policy) {
            this.overprogramPolicy = policy;
            return this;
        }

        /** Builds the SoC and powers it on. */
        public Stm32h563 build() throws IOException {
            return new Stm32h563(this);
        }
    }
}
