package io.bootrig.board.firmware;

import io.bootrig.board.bus.SystemBus;
import io.bootrig.board.debug.BootConfig;
import io.bootrig.board.uart.Uart;
import java.time.Duration;
import java.util.Random;
import java.util.function.Supplier;

/**
 * What firmware models reach besides their own code: the SoC's system bus, the boot configuration
 * the ROM reads, USART3, the LEDs, the board's reset, the fault injector, the TRNG, and the model
 * settings that stand in for compile-time constants.
 *
 * @param xmodemTimeout the test application's XMODEM_TIMEOUT (1 s in the real build; shorter for fast tests)
 */
public record FirmwareEnvironment(SystemBus bus, Supplier<BootConfig> bootConfig, Uart uart, Leds leds,
        SystemResets resets, FaultHooks faults, Random trng, Duration xmodemTimeout) {
}
