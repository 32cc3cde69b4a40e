/**
 * The STM32H563ZI system-on-chip at register level, as a {@link io.bootrig.board.bus.SystemBus}.
 * <p>
 * {@link io.bootrig.board.soc.Stm32h563} is the entry point: build one in memory or on a directory,
 * hand it to the debug port as the system bus (AP1) and as its {@link io.bootrig.board.bus.ResetLine};
 * route AP0 accesses to the DBGMCU window through {@code dbgmcuDebugBus()}. Everything the model
 * decides where the reference is uncertain is listed in {@code virtual-board/UNCERTAIN.md}.
 */
package io.bootrig.board.soc;
