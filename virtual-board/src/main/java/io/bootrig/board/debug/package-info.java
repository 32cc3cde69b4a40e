/**
 * The virtual board's debug port: what the real OpenOCD 0.12.0 drives through its remote_bitbang
 * adapter in JTAG mode.
 *
 * <p>Layers, top to bottom: {@code RemoteBitbangServer} (TCP, 127.0.0.1, free port) and
 * {@code RemoteBitbangProtocol} (pin characters) → {@code JtagTap} (IR=4, IDCODE 0x0BA04477) →
 * {@code JtagDpScans} (35-bit DPACC/APACC/ABORT scans, posted results) → {@code AdiV5DebugPort}
 * (CTRL/STAT, SELECT, sticky errors) → two {@code MemAp}s in the STM32H5 layout: AP0 on the debug
 * APB ({@code DebugApb}: the DBGMCU at 0xE0044000, the SoC's 0x44024000), AP1 the Cortex-M33
 * AHB5-AP ({@code ProcessorBus}: the core's {@code PrivatePeripheralBus}, else the SoC's
 * {@link io.bootrig.board.bus.SystemBus}). The PPB holds the {@code SystemControlSpace}, the
 * {@code DataWatchpoint}, the {@code FlashPatchBreakpoint} and the {@code RomTable} of
 * {@link io.bootrig.board.debug.CortexM33}.
 *
 * <p>The core never executes instructions: running means DHCSR.S_HALT=0 with S_RETIRE_ST=1; a
 * step advances the PC by 2; resuming onto an enabled FPB comparator halts at once; DWT
 * comparators never match. Nothing that needs code to run on the target works (flash loaders,
 * CRC through a work area, breakpoints being hit by firmware).
 *
 * <p>Simplifications: one VTOR (the bank of the boot security state, reset from
 * {@link io.bootrig.board.debug.BootConfig}); DSCSR.CDS is read-only; NVIC, SysTick, MPU, SAU and
 * the non-secure SCS alias read as zero; unaligned MEM-AP transfers and sub-word PPB writes are
 * bus errors; the model completes every transaction at once, so the JTAG ACK is never WAIT.
 */
package io.bootrig.board.debug;
