package io.bootrig.rig.power;

/** What a power switch is asked to do, spelled as commands take it. */
enum PowerAction {
    OFF("off"), ON("on"), CYCLE("cycle");

    private final String word;

    PowerAction(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    /** The state the board is in afterwards. */
    String resultingState() {
        return this == OFF ? "off" : "on";
    }
}
