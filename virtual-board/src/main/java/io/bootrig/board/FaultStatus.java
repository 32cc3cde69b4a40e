package io.bootrig.board;

/**
 * One armed fault as the board reports it.
 *
 * @param kind      what it does
 * @param argument  its arguments as given ("" when none)
 * @param triggered whether it has struck; an armed fault that never triggers stays false
 * @param detail    when and how it struck, or what it waits for
 */
public record FaultStatus(FaultKind kind, String argument, boolean triggered, String detail) {
}
