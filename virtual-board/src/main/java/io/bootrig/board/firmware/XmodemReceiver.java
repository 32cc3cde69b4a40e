package io.bootrig.board.firmware;

import io.bootrig.wolfboot.LittleEndian;
import java.time.Duration;
import java.util.Arrays;

/**
 * The test application's XMODEM receiver (cmd_update_xmodem, app_stm32h5.c), quirks included:
 * checksum mode only (solicits with NAK, never 'C'), 128-byte blocks only; a NAK after every idle
 * XMODEM_TIMEOUT while no byte of a packet has arrived, forever; a packet stalled for a timeout
 * dropped silently; a packet not starting with SOH read in full and dropped (so CAN is not
 * handled); a wrong block number, also a repeat of the previous block, NAKed; the image size taken
 * from the first block's header, after which the next packet must be EOT, else NAK and ret 1.
 */
final class XmodemReceiver {
    static final int SOH = 0x01;
    static final int EOT = 0x04;
    static final int ACK = 0x06;
    static final int NAK = 0x15;
    static final int CAN = 0x18;
    static final int PACKET_SIZE = 132;
    static final int PAYLOAD_SIZE = 128;
    private static final int CANCEL_COUNT = 10;
    private static final int FLASH_WRITE_ERROR = -1;

    private final Mcu mcu;
    private final SerialConsole console;
    private final SecureServices secure;
    private final int headerSize;
    private final Duration timeout;

    XmodemReceiver(Mcu mcu, SerialConsole console, SecureServices secure, int headerSize) {
        this.mcu = mcu;
        this.console = console;
        this.secure = secure;
        this.headerSize = headerSize;
        this.timeout = mcu.xmodemTimeout();
    }

    /** Receives into the UPDATE partition from offset 0: 0 after EOT, 1 for data past the image, or the flash error. */
    int receive() {
        byte[] packet = new byte[PACKET_SIZE];
        int received = 0;
        int expected = -1;
        long offset = 0;
        long imageSize = -1;
        long blocks = 0;
        while (true) {
            int b = console.read(timeout);
            if (b < 0) {
                if (received == 0) {
                    console.write(NAK);
                }
                received = 0;
                continue;
            }
            if (received == 0 && b == EOT) {
                console.write(ACK);
                mcu.led(Led.YELLOW, true);
                return 0;
            }
            packet[received++] = (byte) b;
            if (received < PACKET_SIZE) {
                continue;
            }
            received = 0;
            if (imageSize >= 0 && offset >= imageSize) {
                console.write(NAK);
                return 1;
            }
            if ((packet[0] & 0xFF) != SOH) {
                continue;
            }
            int number = packet[1] & 0xFF;
            if (number != (~packet[2] & 0xFF) || checksum(packet) != (packet[PACKET_SIZE - 1] & 0xFF)
                    || (expected >= 0 && number != expected)) {
                console.write(NAK);
                continue;
            }
            blocks++;
            mcu.activity(FirmwareKind.TEST_APP, "xmodem: block " + blocks);
            mcu.faultPoint(FaultPoint.XMODEM_BLOCK, blocks);
            byte[] payload = Arrays.copyOfRange(packet, 3, 3 + PAYLOAD_SIZE);
            if (!secure.writeUpdate(offset, payload)) {
                for (int i = 0; i < CANCEL_COUNT; i++) {
                    console.write(CAN);
                }
                console.print("Error writing to flash\r\n");
                return FLASH_WRITE_ERROR;
            }
            console.write(ACK);
            mcu.led(Led.YELLOW, ((number / 16) & 1) != 0);
            if (expected < 0) {
                imageSize = LittleEndian.u32(payload, 4) + headerSize;
            }
            expected = (number + 1) & 0xFF;
            offset += PAYLOAD_SIZE;
        }
    }

    /** The app's "crc8": the 8-bit sum of SOH, the block number, its complement and the data. */
    static int checksum(byte[] packet) {
        int sum = 0;
        for (int i = 0; i < PACKET_SIZE - 1; i++) {
            sum += packet[i] & 0xFF;
        }
        return sum & 0xFF;
    }
}
