package io.bootrig.board.uart;

/** The firmware's receive interrupt: one byte, at the moment its stop bit ends. */
@FunctionalInterface
public interface ReceiveHandler {
    void received(byte b);
}
