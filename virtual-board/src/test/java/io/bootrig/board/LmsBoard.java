package io.bootrig.board;

import static org.awaitility.Awaitility.await;

import io.bootrig.board.bus.BusFault;
import io.bootrig.board.firmware.FirmwareActivity;
import io.bootrig.board.uart.LineSpeed;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A virtual board provisioned for the LMS config (TrustZone, watermarks, the vector OTP keystore,
 * wolfBoot), its console opened by the rig's side; unpaced, with a short XMODEM timeout. Tests
 * flash images, reset, and talk to the test application.
 */
public final class LmsBoard implements AutoCloseable {
    public static final long BOOT = 0x0806_0000L;
    public static final long UPDATE = 0x0C16_0000L;
    public static final int PARTITION_SIZE = 0xA0000;
    public static final int SECTOR = 0x2000;
    public static final Duration XMODEM_TIMEOUT = Duration.ofMillis(150);

    private final VirtualBoard board;
    private final SerialClient console;
    private final BoardProgrammer programmer;

    private LmsBoard(VirtualBoard board) {
        this.board = board;
        this.console = SerialClient.open(board.consoleAddress());
        this.programmer = new BoardProgrammer(board);
    }

    /** Provisioned with {@code bootImage} in BOOT (or nothing), powered off. */
    public static LmsBoard provisioned(String bootImage) throws Exception {
        return provisioned(bootImage, XMODEM_TIMEOUT);
    }

    public static LmsBoard provisioned(String bootImage, Duration xmodemTimeout) throws Exception {
        return provisioned(bootImage, xmodemTimeout, LineSpeed.UNPACED);
    }

    public static LmsBoard provisioned(String bootImage, Duration xmodemTimeout, LineSpeed lineSpeed) throws Exception {
        VirtualBoard board = VirtualBoard.builder().lineSpeed(lineSpeed).xmodemTimeout(xmodemTimeout).build();
        try {
            BoardProgrammer.provisionLms(board, bootImage == null ? null : TestFixtures.read(TestFixtures.virtualBoard(bootImage)));
            return new LmsBoard(board);
        } catch (Exception | Error e) {
            board.close();
            throw e;
        }
    }

    public VirtualBoard board() {
        return board;
    }

    public SerialClient console() {
        return console;
    }

    /** Writes a fixture image into the UPDATE partition as a debugger would (secure alias). */
    public void flashUpdate(String image) throws BusFault {
        programmer.programSecure(UPDATE, TestFixtures.read(TestFixtures.virtualBoard(image)));
    }

    /** Powers on (or resets) and returns the console text up to the test application's first prompt. */
    public String bootToPrompt() {
        int mark = console.size();
        boot();
        return console.awaitText(mark, "cmd> ");
    }

    /** Powers on, or resets when on. */
    public void boot() {
        if (board.powered()) {
            board.reset();
        } else {
            board.powerOn();
        }
    }

    /** Types a command line and returns what the console shows up to the next prompt. */
    public String command(String line) {
        int mark = console.size();
        console.send(line + "\r");
        return console.awaitText(mark, "\r\ncmd> ");
    }

    /** Waits until the firmware's activity matches. */
    public FirmwareActivity awaitFirmware(Predicate<FirmwareActivity> condition) {
        await().atMost(SerialClient.WAIT).pollInterval(Duration.ofMillis(5)).until(() -> condition.test(board.firmware()));
        return board.firmware();
    }

    public byte[] readFlash(long address, int length) {
        return board.soc().readFlash(address, length);
    }

    @Override
    public void close() {
        try {
            console.close();
        } finally {
            board.close();
        }
    }
}
