/**
 * The firmware the virtual board's core "runs": flashed images are recognised by content (the
 * {@link io.bootrig.board.firmware.VirtualFirmware} format, built by
 * {@link io.bootrig.board.firmware.FirmwareBuilds}) and their behaviour is modelled in Java.
 *
 * <p>{@link io.bootrig.board.firmware.FirmwareRunner} listens to the core's run state: each reset
 * that lets the core run starts a run at the {@code BootRom}, which dispatches to {@code OtpPrimer}
 * or {@code WolfBoot}; wolfBoot starts the {@code TestApplication}. Models act only through their
 * {@link io.bootrig.board.firmware.Mcu}: SoC bus accesses (secure or not, so flash errors and
 * TrustZone rules apply to them), USART3, the LEDs, waits, the TRNG and the system reset. Every
 * call passes a gate that waits while the core is halted and ends the run after a reset or a power
 * cut. {@code Stm32h5Hal} is wolfBoot's hal/stm32h5.c at register level, {@code WolfBootLibrary}
 * the parts of libwolfboot.c the DUALBANK + NVM_FLASH_WRITEONCE build uses. What is and is not
 * modelled is listed in {@code virtual-board/MODELS.md}.
 */
package io.bootrig.board.firmware;
