package io.bootrig.board.firmware;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.debug.BootConfig;
import io.bootrig.board.uart.ReceiveHandler;
import io.bootrig.board.uart.Uart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What one firmware run can do to the board: bus accesses (secure or not), USART3, the LEDs,
 * waiting, the TRNG, a system reset. Every call passes the runner's gate: it waits while the core
 * is halted and throws {@link FirmwareAborted} once the run is over. A bus error throws
 * {@link HardFault}.
 */
public final class Mcu {
    /** How far the firmware may run ahead of the transmit line before it waits (a few bytes of FIFO). */
    private static final long TRANSMIT_SLACK_NANOS = 1_000_000;
    private static final int BULK_CHUNK = 4096;
    private static final BusAccess SECURE = new BusAccess(true, true, "firmware");
    private static final BusAccess NON_SECURE = new BusAccess(false, true, "firmware");

    private final FirmwareRunner runner;
    private final FirmwareRunner.Run run;

    Mcu(FirmwareRunner runner, FirmwareRunner.Run run) {
        this.runner = runner;
        this.run = run;
    }

    // ---- bus ----

    public long read32(long address, boolean secure) {
        return runner.onBus(run, bus -> bus.read(address, 4, access(secure)));
    }

    public int read16(long address, boolean secure) {
        return (int) (long) runner.onBus(run, bus -> bus.read(address, 2, access(secure)));
    }

    public int read8(long address, boolean secure) {
        return (int) (long) runner.onBus(run, bus -> bus.read(address, 1, access(secure)));
    }

    /** {@code length} bytes from {@code address}, read word by word where aligned (a memcpy). */
    public byte[] read(long address, int length, boolean secure) {
        byte[] bytes = new byte[length];
        int done = 0;
        while (done < length) {
            int chunk = Math.min(BULK_CHUNK, length - done);
            int at = done;
            runner.onBus(run, bus -> {
                int i = 0;
                while (i < chunk) {
                    long a = address + at + i;
                    if ((a & 3) == 0 && chunk - i >= 4) {
                        long word = bus.read(a, 4, access(secure));
                        for (int k = 0; k < 4; k++) {
                            bytes[at + i + k] = (byte) (word >>> (8 * k));
                        }
                        i += 4;
                    } else {
                        bytes[at + i] = (byte) bus.read(a, 1, access(secure));
                        i++;
                    }
                }
                return null;
            });
            done += chunk;
        }
        return bytes;
    }

    public void write32(long address, long value, boolean secure) {
        runner.onBus(run, bus -> {
            bus.write(address, 4, value, access(secure));
            return null;
        });
    }

    public void write16(long address, int value, boolean secure) {
        runner.onBus(run, bus -> {
            bus.write(address, 2, value, access(secure));
            return null;
        });
    }

    // ---- USART3 ----

    public void print(String text) {
        transmit(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Transmits by polling, as uart_tx does: the run keeps pace with the line. */
    public void transmit(byte[] bytes) {
        Uart uart = runner.environment().uart();
        if (!uart.speed().paced()) {
            flush(uart, bytes.clone(), bytes.length);
            return;
        }
        byte[] batch = new byte[bytes.length];
        int pending = 0;
        for (byte b : bytes) {
            long start = uart.reserveTransmit();
            if (start - System.nanoTime() > TRANSMIT_SLACK_NANOS) {
                flush(uart, batch, pending);
                pending = 0;
                runner.sleepUntil(run, start);
            }
            batch[pending++] = b;
        }
        flush(uart, batch, pending);
    }

    /** Installs the USART3 receive interrupt; it runs only while this run is alive. */
    public void uartReceiver(ReceiveHandler handler) {
        Uart uart = runner.environment().uart();
        runner.atGate(run, () -> uart.receiver(b -> runner.interrupt(run, () -> handler.received(b))));
    }

    // ---- GPIO, time, TRNG ----

    public void led(Led led, boolean on) {
        runner.atGate(run, () -> runner.environment().leds().set(led, on));
    }

    /** Milliseconds since this run started (SysTick at 1 kHz). */
    public long millis() {
        return (System.nanoTime() - run.startNanos) / 1_000_000;
    }

    /** Waits (as WFI would) until {@code condition} holds, checked whenever an interrupt arrives, or the timeout. */
    public boolean await(BooleanSupplier condition, Duration timeout) {
        return runner.await(run, condition, timeout);
    }

    public void sleep(Duration duration) {
        runner.sleepUntil(run, System.nanoTime() + duration.toNanos());
    }

    public byte[] trng(int length) {
        byte[] bytes = new byte[length];
        runner.atGate(run, () -> runner.environment().trng().nextBytes(bytes));
        return bytes;
    }

    // ---- system ----

    /** Where the boot ROM finds the vector table and in which security state the core starts. */
    public BootConfig bootConfig() {
        return runner.environment().bootConfig().get();
    }

    public Duration xmodemTimeout() {
        return runner.environment().xmodemTimeout();
    }

    /** AIRCR.SYSRESETREQ: the board resets; this run ends. */
    public FirmwareAborted systemReset(String cause) {
        runner.systemReset(run, cause);
        throw FirmwareAborted.INSTANCE;
    }

    /** An armed fault may strike here (a power cut ends the run). */
    public void faultPoint(FaultPoint point, long value) {
        runner.checkAlive(run);
        if (runner.environment().faults().reached(point, value)) {
            runner.powerCut(run);
        }
        runner.checkAlive(run);
    }

    /** Reports what the firmware does, for the board's status. */
    public void activity(FirmwareKind model, String state) {
        runner.activity(run, FirmwareActivity.of(model, state));
    }

    /** {@code while (1);} with a note for the status; never returns normally. */
    public FirmwareAborted hang(String model, String state) {
        runner.activity(run, new FirmwareActivity(model, state));
        throw runner.hang(run);
    }

    public FirmwareAborted hang(FirmwareKind model, String state) {
        return hang(model.label(), state);
    }

    private void flush(Uart uart, byte[] bytes, int length) {
        if (length > 0) {
            runner.atGate(run, () -> uart.transmit(bytes, length));
        }
    }

    private static BusAccess access(boolean secure) {
        return secure ? SECURE : NON_SECURE;
    }
}
