/**
 * USART3 and the console the rig opens: {@link io.bootrig.board.uart.Uart} paces both directions at
 * the {@link io.bootrig.board.uart.LineSpeed} (115200 8N1 by default, or unpaced) and applies line
 * faults; the host side is a {@link io.bootrig.board.uart.ConsoleEndpoint}: a pseudo-terminal made
 * with JNA ({@link io.bootrig.board.uart.PtyConsole}), a raw TCP port
 * ({@link io.bootrig.board.uart.TcpConsole}) or nothing. Like the ST-LINK's virtual COM port, the
 * console drops board output while no host has it open.
 */
package io.bootrig.board.uart;
