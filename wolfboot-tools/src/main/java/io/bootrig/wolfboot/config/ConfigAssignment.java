package io.bootrig.wolfboot.config;

/**
 * One assignment line of a .config.
 *
 * @param line     1-based line number in the source text
 * @param key      the variable name
 * @param operator how the line assigns
 * @param value    the value, trimmed, comment removed
 */
public record ConfigAssignment(int line, String key, AssignmentOperator operator, String value) {

    @Override
    public String toString() {
        return key + operator.symbol() + value;
    }
}
