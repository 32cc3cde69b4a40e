/**
 * The virtual NUCLEO-H563ZI. {@link io.bootrig.board.VirtualBoard} assembles the SoC
 * ({@code soc}), its debug port ({@code debug}), the firmware models ({@code firmware}) and the
 * console ({@code uart}), with power, reset and the {@link io.bootrig.board.FaultInjector}.
 * {@link io.bootrig.board.VirtualBoardMain} runs one as a process that prints one JSON line when
 * ready and serves the line-based control protocol ({@code ControlCommands}) through
 * {@link io.bootrig.board.ControlServer}.
 */
package io.bootrig.board;
