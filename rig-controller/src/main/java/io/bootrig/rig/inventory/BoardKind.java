package io.bootrig.rig.inventory;

/** What sits behind a board's name: the simulated NUCLEO-H563ZI or a real one. */
public enum BoardKind {
    VIRTUAL("virtual"),
    NUCLEO_H563ZI("nucleo-h563zi");

    private final String yamlName;

    BoardKind(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in the board YAML. */
    public String yamlName() {
        return yamlName;
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
