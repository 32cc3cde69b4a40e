package io.bootrig.board.firmware;

import io.bootrig.board.bus.BusFault;
import io.bootrig.board.bus.SystemBus;
import io.bootrig.board.debug.CoreRunState;
import io.bootrig.board.debug.RunStateListener;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the firmware models while the core runs. Every reset starts a new run, on its own thread,
 * at the boot ROM once the core leaves reset running (not halted: after {@code reset halt} the
 * firmware waits for {@code resume}). Each run acts only through its {@link Mcu}, whose every bus
 * access, output and wait passes a gate: it waits while the core is halted and throws
 * {@link FirmwareAborted} once the run has ended (reset, power cut, close), so a stale run never
 * touches the SoC after a reset.
 *
 * <p>Locking: the gate's lock is taken by the debug port's thread in {@link #runStateChanged}
 * (holding the debug lock, as the listener contract says) and by runs around each access (then the
 * SoC's lock inside it). Runs never take the debug lock while holding the gate's lock, so the
 * listener only waits for one access to finish.
 */
public final class FirmwareRunner implements RunStateListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareRunner.class);
    private static final long JOIN_MILLIS = 5_000;

    /** One boot: from a reset to the next. */
    static final class Run {
        final long number;
        final long startNanos = System.nanoTime();
        volatile boolean aborted;
        Thread thread;

        Run(long number) {
            this.number = number;
        }
    }

    @FunctionalInterface
    interface BusOperation<T> {
        T on(SystemBus bus) throws BusFault;
    }

    private final Object lock = new Object();
    private final FirmwareEnvironment environment;
    private final BootRom bootRom = new BootRom();
    private CoreRunState coreState = CoreRunState.RESET;
    private boolean powered = true;
    private boolean bootPending = true;
    private boolean closed;
    private Run current;
    private long runsStarted;
    private volatile FirmwareActivity activity = FirmwareActivity.none("in reset");

    public FirmwareRunner(FirmwareEnvironment environment) {
        this.environment = environment;
    }

    /** Starts from the core's state after the power-on reset that preceded this listener. */
    public void start(CoreRunState initial) {
        runStateChanged(initial);
    }

    @Override
    public void runStateChanged(CoreRunState state) {
        synchronized (lock) {
            coreState = state;
            if (state == CoreRunState.RESET) {
                endRunLocked(powered ? "in reset" : "powered off");
            } else if (bootPending && powered && !closed) {
                if (state == CoreRunState.RUNNING) {
                    bootPending = false;
                    startRunLocked();
                } else {
                    activity = FirmwareActivity.none("halted before boot");
                }
            }
            lock.notifyAll();
        }
    }

    /** The SoC is about to be reset: the running firmware stops before it does. */
    public void systemResetStarting() {
        synchronized (lock) {
            endRunLocked("in reset");
            lock.notifyAll();
        }
    }

    /** Power cut: the run ends and nothing boots until {@link #powerOn()} and a reset. */
    public void powerOff() {
        synchronized (lock) {
            powered = false;
            endRunLocked("powered off");
            lock.notifyAll();
        }
    }

    /** Whether the calling thread is a run inside the gate (a bus access, an interrupt). */
    public boolean holdsGate() {
        return Thread.holdsLock(lock);
    }

    /** A power cut a fault struck in {@code run}; nothing if that run has already ended. */
    void powerCut(Run run) {
        synchronized (lock) {
            if (run.aborted) {
                return;
            }
            powered = false;
            endRunLocked("powered off");
            lock.notifyAll();
        }
    }

    /** A system reset the run requested; nothing if the run has ended by the time the board takes it. */
    void systemReset(Run run, String cause) {
        checkAlive(run);
        environment.resets().systemReset(cause, () -> !run.aborted);
        throw FirmwareAborted.INSTANCE;
    }

    /** Power is back; the board then applies the power-on reset that boots the core. */
    public void powerOn() {
        synchronized (lock) {
            powered = true;
        }
    }

    public boolean powered() {
        synchronized (lock) {
            return powered;
        }
    }

    public FirmwareActivity activity() {
        return activity;
    }

    /** Runs started so far (one per boot). */
    public long runsStarted() {
        synchronized (lock) {
            return runsStarted;
        }
    }

    @Override
    public void close() {
        Thread thread;
        synchronized (lock) {
            closed = true;
            thread = current == null ? null : current.thread;
            endRunLocked("board closed");
            lock.notifyAll();
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- for Mcu ----

    FirmwareEnvironment environment() {
        return environment;
    }

    Object lock() {
        return lock;
    }

    <T> T onBus(Run run, BusOperation<T> operation) {
        synchronized (lock) {
            enter(run);
            try {
                return operation.on(environment.bus());
            } catch (BusFault fault) {
                throw new HardFault(fault);
            }
        }
    }

    /** Runs {@code action} at the gate (core running, run alive), holding the gate's lock. */
    void atGate(Run run, Runnable action) {
        synchronized (lock) {
            enter(run);
            action.run();
        }
    }

    /** Waits until {@code condition} (checked at the gate) holds or the timeout passes. */
    boolean await(Run run, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                enter(run);
                if (condition.getAsBoolean()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                waitLocked(left);
            }
        }
    }

    void sleepUntil(Run run, long nanoTime) {
        synchronized (lock) {
            while (true) {
                enter(run);
                long left = nanoTime - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                waitLocked(left);
            }
        }
    }

    /** An interrupt for the run: wakes whatever it waits for. Ignored once the run has ended. */
    void interrupt(Run run, Runnable handler) {
        synchronized (lock) {
            if (run.aborted) {
                return;
            }
            try {
                handler.run();
            } catch (FirmwareAborted aborted) {
                return; // the run ended while the handler waited for a halted core
            }
            lock.notifyAll();
        }
    }

    /** Loops forever, as firmware does in {@code while (1);}: returns only by throwing when the run ends. */
    FirmwareAborted hang(Run run) {
        synchronized (lock) {
            while (!run.aborted) {
                waitLocked(Long.MAX_VALUE);
            }
        }
        throw FirmwareAborted.INSTANCE;
    }

    void activity(Run run, FirmwareActivity next) {
        synchronized (lock) {
            if (!run.aborted) {
                activity = next;
            }
        }
    }

    void checkAlive(Run run) {
        if (run.aborted) {
            throw FirmwareAborted.INSTANCE;
        }
    }

    // ---- internals ----

    private void enter(Run run) {
        while (true) {
            if (run.aborted) {
                throw FirmwareAborted.INSTANCE;
            }
            if (coreState == CoreRunState.RUNNING) {
                return;
            }
            waitLocked(Long.MAX_VALUE);
        }
    }

    private void waitLocked(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                lock.wait();
            } else {
                lock.wait(Math.max(1, nanos / 1_000_000), 0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FirmwareAborted.INSTANCE;
        }
    }

    private void endRunLocked(String state) {
        if (current != null) {
            current.aborted = true;
            current = null;
        }
        bootPending = true;
        environment.uart().receiver(null);
        environment.leds().allOff();
        activity = FirmwareActivity.none(state);
    }

    private void startRunLocked() {
        Run run = new Run(++runsStarted);
        current = run;
        activity = new FirmwareActivity(FirmwareActivity.BOOT_ROM, "reading the vector table");
        Thread thread = new Thread(() -> execute(run), "firmware-run-" + run.number);
        thread.setDaemon(true);
        run.thread = thread;
        thread.start();
    }

    private void execute(Run run) {
        Mcu mcu = new Mcu(this, run);
        try {
            bootRom.boot(mcu);
            throw mcu.hang(FirmwareActivity.NONE, "returned from its reset handler");
        } catch (FirmwareAborted aborted) {
            LOG.debug("firmware run {} ended", run.number);
        } catch (HardFault fault) {
            activity(run, new FirmwareActivity(activity.model(), "hard fault: " + fault.getMessage()));
            LOG.debug("firmware run {}: hard fault", run.number, fault);
            try {
                throw hang(run);
            } catch (FirmwareAborted aborted) {
                LOG.debug("firmware run {} ended after a hard fault", run.number);
            }
        } catch (RuntimeException | Error e) {
            LOG.error("firmware model failed in run {}", run.number, e);
            activity(run, FirmwareActivity.none("model failure: " + e));
        }
    }
}
