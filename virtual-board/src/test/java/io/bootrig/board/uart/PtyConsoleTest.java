package io.bootrig.board.uart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bootrig.board.SerialClient;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console pty, from the rig's side: opened with jSerialComm, closed, reopened. */
class PtyConsoleTest {
    private PtyConsole console;
    private Uart uart;
    private final ConcurrentLinkedQueue<Byte> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void open() throws Exception {
        console = PtyConsole.open();
        uart = new Uart(console, LineSpeed.UNPACED);
        uart.receiver(received::add);
        uart.start();
    }

    @AfterEach
    void close() {
        uart.close();
    }

    @Test
    void theSlaveIsAPtyTheRigOpensWithJSerialCommAndBytesFlowBothWaysUnchanged() throws Exception {
        assertThat(console.address()).startsWith("/dev/pts/");
        try (SerialClient rig = SerialClient.open(console.address())) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            rig.send(all);
            await().atMost(SerialClient.WAIT).until(() -> received.size() == 256);
            assertThat(received).containsExactly(boxed(all));

            transmit(all);
            await().atMost(SerialClient.WAIT).until(() -> rig.size() == 256);
            assertThat(rig.text().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
        }
    }

    @Test
    void afterTheRigClosesTheReaderSleepsOutputIsDroppedAndAReopenWorks() throws Exception {
        SerialClient first = SerialClient.open(console.address());
        first.send("ping");
        await().atMost(SerialClient.WAIT).until(() -> received.size() == 4);
        assertThat(console.connected()).isTrue();
        long hangups = console.hangups();
        first.close();
        await().atMost(SerialClient.WAIT).until(() -> console.hangups() > hangups && !console.connected());

        long wakeups = console.wakeups();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long reader = console.readerThread().getId();
        long cpuBefore = threads.getThreadCpuTime(reader);
        transmit("lost while closed".getBytes(StandardCharsets.US_ASCII));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> console.wakeups() == wakeups);
        long cpuSpent = threads.getThreadCpuTime(reader) - cpuBefore;
        assertThat(cpuSpent).as("reader CPU time while closed, ns").isLessThan(Duration.ofMillis(100).toNanos());
        assertThat(console.droppedBytes()).isEqualTo("lost while closed".length());

        try (SerialClient again = SerialClient.open(console.address())) {
            again.send("pong");
            await().atMost(SerialClient.WAIT).until(() -> received.size() == 8);
            transmit("back".getBytes(StandardCharsets.US_ASCII));
            assertThat(again.awaitText(0, "back")).as("nothing from while it was closed").isEqualTo("back");
        }
    }

    @Test
    void outputBeforeTheFirstOpenIsDropped() throws Exception {
        transmit("too early".getBytes(StandardCharsets.US_ASCII));
        try (SerialClient rig = SerialClient.open(console.address())) {
            transmit("hello".getBytes(StandardCharsets.US_ASCII));
            assertThat(rig.awaitText(0, "hello")).isEqualTo("hello");
        }
    }

    private void transmit(byte[] bytes) {
        uart.transmit(bytes.clone(), bytes.length);
    }

    private static Byte[] boxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
