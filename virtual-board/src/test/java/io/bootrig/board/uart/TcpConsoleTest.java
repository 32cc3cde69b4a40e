package io.bootrig.board.uart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class TcpConsoleTest {
    @Test
    void aRawTcpClientTalksToTheUartAndCanReconnect() throws Exception {
        ConcurrentLinkedQueue<Byte> received = new ConcurrentLinkedQueue<>();
        try (TcpConsole console = TcpConsole.open(); Uart uart = new Uart(console, LineSpeed.UNPACED)) {
            uart.receiver(received::add);
            uart.start();
            assertThat(console.address()).isEqualTo("tcp://127.0.0.1:" + console.port());

            for (int round = 1; round <= 2; round++) {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), console.port())) {
                    client.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
                    client.getOutputStream().write("hi".getBytes(StandardCharsets.US_ASCII));
                    int expected = 2 * round;
                    await().atMost(Duration.ofSeconds(20)).until(() -> received.size() == expected);
                    await().atMost(Duration.ofSeconds(20)).until(console::connected);
                    uart.transmit("ok".getBytes(StandardCharsets.US_ASCII), 2);
                    InputStream in = client.getInputStream();
                    assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("ok");
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> !console.connected());
            }
            uart.transmit("dropped".getBytes(StandardCharsets.US_ASCII), 7);
            assertThat(console.droppedBytes()).isEqualTo(7);
        }
    }
}
