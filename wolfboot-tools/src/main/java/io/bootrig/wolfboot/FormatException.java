package io.bootrig.wolfboot;

/**
 * Input that does not have the shape a wolfBoot format requires. Names the input, the field and
 * what was expected, so a front end can print it as one line.
 */
public final class FormatException extends Exception {
    private final String source;
    private final String field;
    private final String problem;

    public FormatException(String source, String field, String problem) {
        super(source + ": " + field + ": " + problem);
        this.source = source;
        this.field = field;
        this.problem = problem;
    }

    public FormatException(String source, String field, String problem, Throwable cause) {
        this(source, field, problem);
        initCause(cause);
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
