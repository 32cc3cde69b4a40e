package io.bootrig.board.firmware;

import java.time.Duration;

/** The test application's USART3: printf through uart_tx, reads from the receive buffer its interrupt fills. */
final class SerialConsole {
    private final Mcu mcu;
    private final ReceiveBuffer buffer = new ReceiveBuffer();

    SerialConsole(Mcu mcu) {
        this.mcu = mcu;
    }

    /** Enables the receive interrupt: each byte goes into the buffer and lights the green LED. */
    void start() {
        mcu.uartReceiver(b -> {
            buffer.put(b);
            mcu.led(Led.GREEN, true);
        });
    }

    void print(String text) {
        mcu.print(text);
    }

    void printf(String format, Object... arguments) {
        mcu.print(String.format(format, arguments));
    }

    void write(int b) {
        mcu.transmit(new byte[] {(byte) b});
    }

    /** The next received byte, or -1 if none arrives within {@code timeout}; the green LED goes off once the buffer is empty. */
    int read(Duration timeout) {
        if (!mcu.await(() -> !buffer.isEmpty(), timeout)) {
            return -1;
        }
        int b = buffer.take();
        if (buffer.isEmpty()) {
            mcu.led(Led.GREEN, false);
        }
        return b;
    }
}
