package io.bootrig.board.firmware;

/** The partition state byte in a trailer (wolfboot.h, flags not inverted) and the test application's names for it. */
final class PartitionState {
    static final int NEW = 0xFF;
    static final int UPDATING = 0x70;
    static final int FINAL_FLAGS = 0x30;
    static final int TESTING = 0x10;
    static final int SUCCESS = 0x00;

    private PartitionState() {
    }

    /** part_state_name() of app_stm32h5.c. */
    static String name(int state) {
        return switch (state) {
            case NEW -> "NEW";
            case UPDATING -> "UPDATING";
            case FINAL_FLAGS -> "FFLAGS";
            case TESTING -> "TESTING";
            case SUCCESS -> "CONFIRMED";
            default -> "[Invalid state]";
        };
    }
}
