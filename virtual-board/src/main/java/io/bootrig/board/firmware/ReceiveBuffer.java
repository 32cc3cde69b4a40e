package io.bootrig.board.firmware;

/**
 * The test application's interrupt-driven USART3 receive buffer: 1024 bytes as a ring that keeps
 * one slot free, so bytes beyond 1023 unread ones are dropped (isr_usart3).
 */
final class ReceiveBuffer {
    static final int SIZE = 1024;

    private final byte[] ring = new byte[SIZE];
    private int head;
    private int count;
    private long dropped;

    synchronized void put(byte b) {
        if (count == SIZE - 1) {
            dropped++;
            return;
        }
        ring[(head + count) % SIZE] = b;
        count++;
    }

    /** The oldest byte, or -1. */
    synchronized int take() {
        if (count == 0) {
            return -1;
        }
        int b = ring[head] & 0xFF;
        head = (head + 1) % SIZE;
        count--;
        return b;
    }

    synchronized boolean isEmpty() {
        return count == 0;
    }

    synchronized long dropped() {
        return dropped;
    }
}
