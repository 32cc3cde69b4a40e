package io.bootrig.board.firmware;

/** The NUCLEO-H563ZI user LEDs (ST's BSP; all active high). */
public enum Led {
    /** LD1, PB0: the test application's "usr LED", on while its UART receive buffer holds bytes. */
    GREEN("LD1", "PB0"),
    /** LD2, PF4: the test application's "extra LED", XMODEM progress and end of transfer. */
    YELLOW("LD2", "PF4"),
    /** LD3, PG4: the test application's "boot LED", on from its start. */
    RED("LD3", "PG4");

    private final String boardName;
    private final String pin;

    Led(String boardName, String pin) {
        this.boardName = boardName;
        this.pin = pin;
    }

    public String boardName() {
        return boardName;
    }

    public String pin() {
        return pin;
    }
}
