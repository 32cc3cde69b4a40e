package io.bootrig.board;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.ResetLine;
import io.bootrig.board.bus.SystemBus;
import io.bootrig.board.debug.BootConfig;
import io.bootrig.board.debug.DebugPort;
import io.bootrig.board.debug.ResetKind;
import io.bootrig.board.firmware.FirmwareActivity;
import io.bootrig.board.firmware.FirmwareEnvironment;
import io.bootrig.board.firmware.FirmwareRunner;
import io.bootrig.board.firmware.Leds;
import io.bootrig.board.soc.Stm32h563;
import io.bootrig.board.uart.ConsoleEndpoint;
import io.bootrig.board.uart.LineSpeed;
import io.bootrig.board.uart.NoConsole;
import io.bootrig.board.uart.PtyConsole;
import io.bootrig.board.uart.TcpConsole;
import io.bootrig.board.uart.Uart;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A simulated NUCLEO-H563ZI: the STM32H563 SoC behind its debug port (OpenOCD reaches it through
 * remote_bitbang on {@link #debugPort()}), the firmware models the core runs (boot ROM, OTP primer,
 * wolfBoot, test application), USART3 on a console the rig opens ({@link #consoleAddress()}), the
 * LEDs, power, and fault injection. The SoC resets itself on AIRCR.SYSRESETREQ / nSRST; the core
 * then boots from the vector table the option bytes select.
 *
 * <p>While the power is off the firmware does not run and debugger accesses to the system bus get
 * bus errors; the debug port itself (DP, core debug registers) keeps answering.
 */
public final class VirtualBoard implements AutoCloseable {
    private final String name;
    private final Stm32h563 soc;
    private final Uart uart;
    private final Leds leds = new Leds();
    private final FaultInjector faults;
    private final FirmwareRunner firmware;
    private final DebugPort debug;
    private final Object power = new Object();
    private boolean closed;

    private VirtualBoard(Builder builder, Stm32h563 soc, ConsoleEndpoint console) throws IOException {
        this.name = builder.name;
        this.soc = soc;
        this.uart = new Uart(console, builder.lineSpeed);
        this.faults = new FaultInjector(uart, soc, this::faultPowerCut);
        this.firmware = new FirmwareRunner(new FirmwareEnvironment(soc, this::bootConfig, uart, leds, this::systemReset,
                faults, new SecureRandom(), builder.xmodemTimeout));
        ResetLine resetLine = cause -> {
            firmware.systemResetStarting();
            soc.systemReset(cause);
        };
        this.debug = DebugPort.start(new PoweredBus(), resetLine, this::bootConfig);
        debug.core().addRunStateListener(firmware);
        uart.start();
        firmware.start(debug.core().runState());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A board whose flash, OTP and option bytes live only in memory; console on a pty at 115200 baud. */
    public static VirtualBoard inMemory() throws IOException {
        return builder().build();
    }

    /** A board whose non-volatile state lives in (and survives in) {@code stateDir}; console on a pty at 115200 baud. */
    public static VirtualBoard persistent(Path stateDir) throws IOException {
        return builder().stateDirectory(stateDir).build();
    }

    public String name() {
        return name;
    }

    /** The remote_bitbang port on 127.0.0.1. */
    public int debugPort() {
        return debug.port();
    }

    /** What the rig opens for the console: "/dev/pts/N", "tcp://127.0.0.1:PORT" or "none". */
    public String consoleAddress() {
        return uart.console().address();
    }

    public ConsoleEndpoint console() {
        return uart.console();
    }

    public Stm32h563 soc() {
        return soc;
    }

    public DebugPort debug() {
        return debug;
    }

    public Leds leds() {
        return leds;
    }

    /** What the firmware models are doing now. */
    public FirmwareActivity firmware() {
        return firmware.activity();
    }

    /** Boots started so far (each reset that let the core run starts one). */
    public long bootCount() {
        return firmware.runsStarted();
    }

    public FaultInjector faults() {
        return faults;
    }

    public boolean powered() {
        return firmware.powered();
    }

    /** Cuts the power: the firmware stops, LEDs go dark; flash, OTP and option bytes keep their contents. */
    public void powerOff() {
        synchronized (power) {
            firmware.powerOff();
        }
    }

    /** Restores power: SRAM and volatile registers start from their reset values and the core boots. */
    public void powerOn() {
        synchronized (power) {
            if (firmware.powered() || closed) {
                return;
            }
            firmware.powerOn();
            soc.powerOn();
            debug.applyReset(ResetKind.POWER_ON);
        }
    }

    /**
     * A power cut struck by a fault on the line's thread or in a flash listener. A listener runs
     * holding the SoC's lock, which firmware runs take inside the runner's: a run's own thread
     * (holding both) cuts at once, any other holder of the SoC's lock (the debugger) from a thread
     * of its own.
     */
    private void faultPowerCut() {
        if (!Thread.holdsLock(soc) || firmware.holdsGate()) {
            firmware.powerOff();
            return;
        }
        Thread cut = new Thread(firmware::powerOff, "fault power cut");
        cut.setDaemon(true);
        cut.start();
    }

    /** Cuts and restores power. */
    public void powerCycle() {
        synchronized (power) {
            powerOff();
            powerOn();
        }
    }

    /** A system reset (the NRST button): the debug domain survives, the core boots again. */
    public void reset() {
        systemReset("NRST", () -> true);
    }

    public BoardStatus status() {
        return new BoardStatus(name, powered(), debug.core().runState(), debug.core().pc(), debug.core().secureState(),
                firmware.activity(), leds.snapshot(), soc.banksSwapped(), soc.trustZoneEnabled(), consoleAddress(),
                uart.console().connected(), faults.list());
    }

    /** Stops the firmware, the console and the debug port, then saves and releases the state. */
    @Override
    public void close() {
        synchronized (power) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable step : List.<Runnable>of(firmware::close, uart::close, debug::close, soc::close)) {
            try {
                step.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void systemReset(String cause, BooleanSupplier requesterAlive) {
        synchronized (power) {
            if (closed || !firmware.powered() || !requesterAlive.getAsBoolean()) {
                return;
            }
            firmware.systemResetStarting();
            soc.systemReset(cause);
            debug.applyReset(ResetKind.SYSTEM);
        }
    }

    private BootConfig bootConfig() {
        return new BootConfig(soc.bootVectorTable(), soc.trustZoneEnabled());
    }

    /** The SoC's bus as the debug port sees it: bus errors while the board has no power. */
    private final class PoweredBus implements SystemBus {
        @Override
        public long read(long address, int size, BusAccess access) throws BusFault {
            checkPowered(address);
            return soc.read(address, size, access);
        }

        @Override
        public void write(long address, int size, long value, BusAccess access) throws BusFault {
            checkPowered(address);
            soc.write(address, size, value, access);
        }

        private void checkPowered(long address) throws BusFault {
            if (!firmware.powered()) {
                throw new BusFault(address, "the board is powered off");
            }
        }
    }

    public static final class Builder {
        private Path directory;
        private String name = "sim";
        private ConsoleKind console = ConsoleKind.PTY;
        private LineSpeed lineSpeed = LineSpeed.DEFAULT;
        private Duration xmodemTimeout = Duration.ofSeconds(1);
        private byte[] uniqueId;
        private Integer deviceId;

        private Builder() {
        }

        /** Keep the non-volatile state in this directory (loaded if present, created if not); in memory if never set. */
        public Builder stateDirectory(Path directory) {
            this.directory = directory;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder console(ConsoleKind console) {
            this.console = console;
            return this;
        }

        /** The console line's speed: 115200 8N1 by default, {@link LineSpeed#UNPACED} for fast tests. */
        public Builder lineSpeed(LineSpeed lineSpeed) {
            this.lineSpeed = lineSpeed;
            return this;
        }

        /** The test application's XMODEM_TIMEOUT: its NAK period and partial-packet timeout (1 s, as built). */
        public Builder xmodemTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("XMODEM timeout " + timeout);
            }
            this.xmodemTimeout = timeout;
            return this;
        }

        /** The 96-bit unique ID of a new board. */
        public Builder uniqueId(byte[] uid) {
            this.uniqueId = uid.clone();
            return this;
        }

        /** Pretend to be another device (DEV_ID), to test what a rig does when the wrong board is attached. */
        public Builder deviceId(int id) {
            this.deviceId = id;
            return this;
        }

        /** Builds the board and powers it on. */
        public VirtualBoard build() throws IOException {
            Stm32h563.Builder socBuilder = Stm32h563.builder();
            if (deviceId != null) {
                socBuilder.deviceId(deviceId);
            }
            if (directory != null) {
                socBuilder.directory(directory);
            }
            if (uniqueId != null) {
                socBuilder.uniqueId(uniqueId);
            }
            Stm32h563 soc = socBuilder.build();
            ConsoleEndpoint endpoint = null;
            try {
                endpoint = switch (console) {
                    case PTY -> PtyConsole.open();
                    case TCP -> TcpConsole.open();
                    case NONE -> new NoConsole();
                };
                return new VirtualBoard(this, soc, endpoint);
            } catch (IOException | RuntimeException e) {
                if (endpoint != null) {
                    endpoint.close();
                }
                soc.close();
                throw e;
            }
        }
    }
}
