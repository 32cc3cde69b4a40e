package io.bootrig.rig.openocd;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenOCD run as a process for one board, driven over TCL-RPC. Every call is bounded by a timeout;
 * a TCL error becomes a {@link TclErrorException} with OpenOCD's message; OpenOCD dying, hanging or
 * dropping the connection is an {@link OpenOcdException}. A dead OpenOCD can be {@link #restart restarted}.
 */
public final class OpenOcd implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenOcd.class);

    private final OpenOcdSettings settings;
    private final OpenOcdLog log = new OpenOcdLog();
    private final String version;
    private OpenOcdProcess process;
    private TclRpcClient client;

    private OpenOcd(OpenOcdSettings settings, String version) {
        this.settings = settings;
        this.version = version;
    }

    public static OpenOcd start(OpenOcdSettings settings) throws OpenOcdException {
        String version = OpenOcdProcess.version(settings.executable());
        LOG.info("{}: OpenOCD {}", settings.executable(), version);
        OpenOcd ocd = new OpenOcd(settings, version);
        ocd.process = OpenOcdProcess.start(settings, ocd.log);
        return ocd;
    }

    public String version() {
        return version;
    }

    public int tclPort() {
        return process.tclPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything OpenOCD printed, across restarts. */
    public OpenOcdLog log() {
        return log;
    }

    /** Calls a command; {@code name} is literal TCL (e.g. "mdw" or "stm32h5_read_otp"), each argument is quoted. */
    public String call(String name, Object... args) throws OpenOcdException, TclErrorException {
        return eval(Tcl.command(name, args), settings.callTimeout());
    }

    /** Like {@link #call} with its own timeout, for long operations. */
    public String call(Duration timeout, String name, Object... args) throws OpenOcdException, TclErrorException {
        return eval(Tcl.command(name, args), timeout);
    }

    /** Evaluates a script the caller built (use {@link Tcl#word} for anything that came from outside). */
    public synchronized String eval(String script, Duration timeout) throws OpenOcdException, TclErrorException {
        if (!process.isAlive()) {
            throw died();
        }
        int mark = log.mark();
        String wrapped = "set __bootrig_rc [catch {" + script + "} __bootrig_r]; format \"%d %s\" $__bootrig_rc $__bootrig_r";
        String reply;
        try {
            if (client == null) {
                client = new TclRpcClient(process.tclPort(), Duration.ofSeconds(5));
            }
            reply = client.eval(wrapped, timeout);
        } catch (SocketTimeoutException e) {
            dropClient();
            if (!process.isAlive()) {
                throw died();
            }
            throw new OpenOcdException("OpenOCD (pid " + process.pid() + ") did not answer '" + script + "' within "
                    + timeout.toMillis() + " ms; its last lines:\n" + log.tail(10));
        } catch (IOException e) {
            dropClient();
            if (!process.isAlive()) {
                throw died();
            }
            throw new OpenOcdException("lost the TCL connection to OpenOCD on 127.0.0.1:" + process.tclPort() + ": "
                    + e.getMessage(), e);
        }
        return result(script, reply, () -> errorLinesSince(mark));
    }

    /**
     * The result in OpenOCD's reply to the wrapped {@code script} ("RC RESULT", RC being TCL's catch code).
     *
     * @param logErrors OpenOCD's "Error:" lines since the call, for an error without a result
     * @throws TclErrorException the script failed (RC other than 0 = ok and 2 = return)
     * @throws OpenOcdException  the reply is not "RC RESULT"
     */
    static String result(String script, String reply, Supplier<String> logErrors)
            throws OpenOcdException, TclErrorException {
        int space = reply.indexOf(' ');
        int rc;
        try {
            rc = Integer.parseInt(space < 0 ? reply : reply.substring(0, space));
        } catch (NumberFormatException e) {
            throw new OpenOcdException("unexpected TCL-RPC reply from OpenOCD: " + reply);
        }
        String result = space < 0 ? "" : reply.substring(space + 1);
        if (rc == 0 || rc == 2) {
            return result;
        }
        String message = result.isBlank() ? logErrors.get() : result;
        throw new TclErrorException(script, message);
    }

    private String errorLinesSince(int mark) {
        StringBuilder sb = new StringBuilder();
        for (OpenOcdLog.Line l : log.since(mark)) {
            if (l.text().startsWith("Error:")) {
                sb.append(sb.length() == 0 ? "" : "; ").append(l.text().substring(6).strip());
            }
        }
        return sb.toString();
    }

    private OpenOcdException died() {
        return new OpenOcdException("OpenOCD (pid " + process.pid() + ") is not running (exit code "
                + process.exitCode() + "); its last lines:\n" + log.tail(15));
    }

    private void dropClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** Stops this OpenOCD (whatever its state) and starts a fresh one on a new TCL port. */
    public synchronized void restart() throws OpenOcdException {
        dropClient();
        process.stop();
        log.append("--- bootrig: OpenOCD restarted ---");
        process = OpenOcdProcess.start(settings, log);
    }

    @Override
    public synchronized void close() {
        if (client != null && process.isAlive()) {
            try {
                client.eval("shutdown", Duration.ofSeconds(2));
            } catch (IOException ignored) {
                // OpenOCD closes the connection as it shuts down
            }
        }
        dropClient();
        process.stop();
    }
}
