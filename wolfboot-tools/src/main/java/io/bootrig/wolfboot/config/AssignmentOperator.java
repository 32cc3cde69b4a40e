package io.bootrig.wolfboot.config;

/** The make assignment operators a wolfBoot .config uses. */
public enum AssignmentOperator {
    /** {@code KEY=VALUE}: sets, overriding an earlier value. */
    SET("="),
    /** {@code KEY:=VALUE}: sets, overriding an earlier value (no references to expand in a .config). */
    IMMEDIATE(":="),
    /** {@code KEY?=VALUE}: sets only when KEY has no value yet. */
    DEFAULT("?="),
    /** {@code KEY+=VALUE}: appends after a space, or sets when KEY has no value yet. */
    APPEND("+=");

    private final String symbol;

    AssignmentOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
