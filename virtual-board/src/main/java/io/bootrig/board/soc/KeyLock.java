package io.bootrig.board.soc;

/**
 * A LOCK bit opened by writing two keys in order (NSCR/SECCR via NSKEYR/SECKEYR, OPTCR via OPTKEYR).
 * A wrong key, or a key written while already unlocked, keeps it locked until the next system reset.
 */
final class KeyLock {
    private enum State { LOCKED, FIRST_KEY_SEEN, UNLOCKED, LOCKED_UNTIL_RESET }

    private final int key1;
    private final int key2;
    private State state = State.LOCKED;

    KeyLock(int key1, int key2) {
        this.key1 = key1;
        this.key2 = key2;
    }

    void writeKey(int value) {
        state = switch (state) {
            case LOCKED -> value == key1 ? State.FIRST_KEY_SEEN : State.LOCKED_UNTIL_RESET;
            case FIRST_KEY_SEEN -> value == key2 ? State.UNLOCKED : State.LOCKED_UNTIL_RESET;
            case UNLOCKED, LOCKED_UNTIL_RESET -> State.LOCKED_UNTIL_RESET;
        };
    }

    boolean locked() {
        return state != State.UNLOCKED;
    }

    boolean lockedUntilReset() {
        return state == State.LOCKED_UNTIL_RESET;
    }

    void lock() {
        if (state != State.LOCKED_UNTIL_RESET) {
            state = State.LOCKED;
        }
    }

    void reset() {
        state = State.LOCKED;
    }
}
