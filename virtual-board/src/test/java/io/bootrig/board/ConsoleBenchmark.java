package io.bootrig.board;

import com.fazecast.jSerialComm.SerialPort;
import io.bootrig.board.uart.LineSpeed;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Console figures of a virtual board running the test application (run with {@code mvn -B verify -Pbench}):
 * the round trip of one typed character to its echo through the pseudo-terminal, and the JVM's CPU
 * while the board idles at the prompt. Prints; asserts nothing about time.
 */
class ConsoleBenchmark {
    @Test
    void echoRoundTripAndIdleCpu() throws Exception {
        System.out.printf("%-28s %10s %10s %10s%n", "console", "median ms", "p95 ms", "max ms");
        for (LineSpeed speed : new LineSpeed[] {LineSpeed.UNPACED, LineSpeed.DEFAULT}) {
            try (LmsBoard lms = LmsBoard.provisioned("image_v1_signed.bin", LmsBoard.XMODEM_TIMEOUT, speed)) {
                lms.bootToPrompt();
                lms.console().close();
                SerialPort port = SerialPort.getCommPort(lms.board().consoleAddress());
                if (!port.openPort()) {
                    throw new IllegalStateException("cannot open " + lms.board().consoleAddress());
                }
                try {
                    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_BLOCKING, 2000, 0);
                    double[] ms = new double[300];
                    byte[] one = new byte[1];
                    byte[] erase = new byte[3];
                    for (int i = -20; i < ms.length; i++) {
                        long t0 = System.nanoTime();
                        port.writeBytes(new byte[] {'a'}, 1);
                        if (port.readBytes(one, 1) != 1 || one[0] != 'a') {
                            throw new IllegalStateException("no echo of 'a'");
                        }
                        long t1 = System.nanoTime();
                        port.writeBytes(new byte[] {0x08}, 1);
                        if (port.readBytes(erase, 3) != 3) {
                            throw new IllegalStateException("no backspace echo");
                        }
                        if (i >= 0) {
                            ms[i] = (t1 - t0) / 1e6;
                        }
                    }
                    Arrays.sort(ms);
                    System.out.printf("%-28s %10.3f %10.3f %10.3f%n", "echo round trip, " + (speed.equals(LineSpeed.UNPACED)
                            ? "unpaced" : "115200 8N1"), ms[ms.length / 2], ms[ms.length * 95 / 100], ms[ms.length - 1]);
                } finally {
                    port.closePort();
                }
                if (speed.equals(LineSpeed.DEFAULT)) {
                    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                    System.gc();
                    long cpu0 = os.getProcessCpuTime();
                    long wall0 = System.nanoTime();
                    Thread.sleep(5000); // measuring idleness: nothing to wait for
                    double cpu = (os.getProcessCpuTime() - cpu0) * 100.0 / (System.nanoTime() - wall0);
                    System.out.printf("JVM CPU with the board idle at the prompt (5 s): %.2f %% of one core%n", cpu);
                }
            }
        }
    }
}
