package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.board.bus.BusAccess;
import io.bootrig.board.bus.BusFault;
import org.junit.jupiter.api.Test;

class PrivatePeripheralBusTest {
    private final TestSystemBus bus = new TestSystemBus();
    private final CortexM33 core = new CortexM33(new Object(), bus, cause -> { }, new DebugAuthentication());
    private final PrivatePeripheralBus ppb = new PrivatePeripheralBus(core, new DebugApb(bus));
    private final ProcessorBus processorBus = new ProcessorBus(ppb, bus);

    @Test
    void romTableListsScsDwtAndFpbThenEnds() throws BusFault {
        long rom = RomTable.BASE;
        assertThat(component(rom, read(rom))).isEqualTo(SystemControlSpace.BASE);
        assertThat(component(rom, read(rom + 4))).isEqualTo(DataWatchpoint.BASE);
        assertThat(component(rom, read(rom + 8))).isEqualTo(FlashPatchBreakpoint.BASE);
        assertThat(read(rom + 12)).isZero();
        assertThat(read(rom + 0xFCC)).as("MEMTYPE.SYSMEM").isEqualTo(1);
        assertThat(cidr(rom)).isEqualTo(0xB105_100DL);
        assertThat(pidr(rom)).isEqualTo(0x000A_0484L);
    }

    @Test
    void componentsCarryCoreSightIdentification() throws BusFault {
        for (long base : new long[] {SystemControlSpace.BASE, DataWatchpoint.BASE, FlashPatchBreakpoint.BASE}) {
            assertThat(cidr(base)).isEqualTo(0xB105_900DL);
            assertThat(pidr(base)).isEqualTo(0x4_000B_BD21L);
        }
        assertThat(read(FlashPatchBreakpoint.BASE + 0xFBC)).isEqualTo(0x4770_1A03L);
    }

    @Test
    void restOfThePpbIsRazWi() throws BusFault {
        processorBus.write(0xE000_0000L, 4, 0x1234, debug()); // ITM
        assertThat(read(0xE000_0000L)).isZero();
        assertThat(read(0xE000_E100L)).as("NVIC").isZero();
        assertThat(read(0xE00F_E000L)).isZero();
    }

    @Test
    void externalPpbReachesTheDbgmcu() throws BusFault {
        assertThat(read(0xE004_4000L)).isEqualTo(TestSystemBus.DBGMCU_IDCODE);
        processorBus.write(0xE004_4004L, 4, 6, debug());
        assertThat(bus.dbgmcuRegister(4)).isEqualTo(6);
    }

    @Test
    void otherAddressesGoToTheSystemBus() throws BusFault {
        processorBus.write(TestSystemBus.RAM, 4, 0xA5A5_5A5AL, debug());
        assertThat(read(TestSystemBus.RAM)).isEqualTo(0xA5A5_5A5AL);
        assertThat(read(TestSystemBus.FLASH + 4)).isEqualTo(TestSystemBus.RESET_HANDLER);
    }

    private long read(long address) throws BusFault {
        return processorBus.read(address, 4, debug());
    }

    private long cidr(long base) throws BusFault {
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | read(base + 0xFF0 + 4 * i);
        }
        return value;
    }

    private long pidr(long base) throws BusFault {
        long value = read(base + 0xFD0);
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | read(base + 0xFE0 + 4 * i);
        }
        return value;
    }

    private static long component(long romBase, long entry) {
        return (romBase + (int) (entry & 0xFFFF_F000L)) & 0xFFFF_FFFFL;
    }

    private static BusAccess debug() {
        return BusAccess.debugSecure("AP1");
    }
}
