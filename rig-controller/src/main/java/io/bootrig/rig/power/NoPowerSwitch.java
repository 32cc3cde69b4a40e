package io.bootrig.rig.power;

import io.bootrig.rig.inventory.BoardSpec;

/** A board without a power switch: every request is refused, naming the board and its inventory file. */
public final class NoPowerSwitch implements PowerSwitch {
    private final String board;
    private final String source;

    public NoPowerSwitch(BoardSpec board) {
        this.board = board.name();
        this.source = board.source();
    }

    @Override
    public void off() {
        throw refuse(PowerAction.OFF);
    }

    @Override
    public void on() {
        throw refuse(PowerAction.ON);
    }

    @Override
    public void cycle() {
        throw refuse(PowerAction.CYCLE);
    }

    @Override
    public String describe() {
        return "no power switch";
    }

    private PowerException refuse(PowerAction action) {
        return new PowerException("cannot switch power " + action.word() + ": board " + board
                + " has no power switch (power: none in " + source + ")");
    }
}
