package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.board.bus.BusFault;
import org.junit.jupiter.api.Test;

class MemApTest {
    private static final long CSW_32_SINGLE = 0xA200_0012L;
    private static final long CSW_8_PACKED = 0xA200_0020L;

    private final TestSystemBus bus = new TestSystemBus();
    private final DebugAuthentication authentication = new DebugAuthentication();
    private final MemAp ap = new MemAp(DebugPort.AP1_IDR, DebugPort.AP1_BASE, bus,
            new Ahb5ApSecurity(authentication, "AP1"));

    @Test
    void identificationRegisters() throws BusFault {
        assertThat(ap.read(MemAp.IDR)).isEqualTo(0x0477_0015L);
        assertThat(ap.read(MemAp.BASE)).isEqualTo(0xE00F_F003L);
        assertThat(ap.read(MemAp.CFG)).isZero();
    }

    @Test
    void cswKeepsPackedIncrementAndReportsDeviceEnAndSpiden() throws BusFault {
        ap.write(MemAp.CSW, CSW_8_PACKED);
        assertThat(ap.read(MemAp.CSW)).isEqualTo(0xA280_0060L);
    }

    @Test
    void cswReflectsDisabledAuthentication() throws BusFault {
        authentication.secureDebugEnabled(false);
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        assertThat(ap.read(MemAp.CSW)).isEqualTo(0xA200_0052L);
        authentication.debugEnabled(false);
        assertThat(ap.read(MemAp.CSW)).isEqualTo(0xA200_0012L);
    }

    @Test
    void wordWritesAndReadsWithSingleIncrement() throws BusFault {
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        ap.write(MemAp.DRW, 0x1122_3344L);
        ap.write(MemAp.DRW, 0x5566_7788L);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 8);
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0x1122_3344L);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0x5566_7788L);
        assertThat(bus.ram()[0]).isEqualTo((byte) 0x44);
    }

    @Test
    void byteAndHalfwordTransfersUseTheLanesTarSelects() throws BusFault {
        ap.write(MemAp.CSW, 0xA200_0000L); // 8-bit, no increment
        ap.write(MemAp.TAR, TestSystemBus.RAM + 2);
        ap.write(MemAp.DRW, 0x00AB_0000L);
        assertThat(bus.ram()[2]).isEqualTo((byte) 0xAB);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0x00AB_0000L);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 2);

        ap.write(MemAp.CSW, 0xA200_0011L); // 16-bit, single increment
        ap.write(MemAp.TAR, TestSystemBus.RAM + 6);
        ap.write(MemAp.DRW, 0xBEEF_0000L);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 8);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 6);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0xBEEF_0000L);
    }

    @Test
    void packedBytesFillEveryLaneStartingAtTar() throws BusFault {
        ap.write(MemAp.CSW, CSW_8_PACKED);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 1);
        ap.write(MemAp.DRW, 0x4433_2211L); // lanes 1,2,3,0 -> addresses +1..+4
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 5);
        assertThat(bus.ram()[1]).isEqualTo((byte) 0x22);
        assertThat(bus.ram()[2]).isEqualTo((byte) 0x33);
        assertThat(bus.ram()[3]).isEqualTo((byte) 0x44);
        assertThat(bus.ram()[4]).isEqualTo((byte) 0x11);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 1);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0x4433_2211L);
    }

    @Test
    void packedHalfwordsMoveTwoPerWord() throws BusFault {
        ap.write(MemAp.CSW, 0xA200_0021L);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 0x10);
        ap.write(MemAp.DRW, 0xCAFE_F00DL);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 0x14);
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 0x10);
        assertThat(ap.read(MemAp.DRW)).isEqualTo(0xCAFE_F00DL);
    }

    @Test
    void autoIncrementWrapsInsideTheOneKilobyteBlock() throws BusFault {
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 0x3FC);
        ap.write(MemAp.DRW, 1);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM);
    }

    @Test
    void bankedDataRegistersAddressTheAlignedBlockWithoutIncrement() throws BusFault {
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 0x20);
        ap.write(MemAp.BD0 + 4, 0xB1);
        ap.write(MemAp.BD3, 0xB3);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(TestSystemBus.RAM + 0x20);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 0x2C);
        assertThat(ap.read(MemAp.BD0 + 4)).isEqualTo(0xB1);
        assertThat(ap.read(MemAp.BD3)).isEqualTo(0xB3);
        assertThat(ap.read(MemAp.BD0)).isZero();
    }

    @Test
    void busFaultIsReportedAndTarStays() throws BusFault {
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, 0x6000_0000L);
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).isInstanceOf(BusFault.class);
        assertThat(ap.read(MemAp.TAR)).isEqualTo(0x6000_0000L);
    }

    @Test
    void unalignedAndUnimplementedSizesFault() throws BusFault {
        ap.write(MemAp.CSW, CSW_32_SINGLE);
        ap.write(MemAp.TAR, TestSystemBus.RAM + 2);
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).hasMessageContaining("unaligned");
        ap.write(MemAp.CSW, 0xA200_0013L);
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).hasMessageContaining("not implemented");
    }

    @Test
    void hnonsecMakesNonSecureTransfers() throws BusFault {
        ap.write(MemAp.CSW, 0xA200_0002L);
        ap.write(MemAp.TAR, TestSystemBus.SECURE_RAM);
        ap.read(MemAp.DRW);
        assertThat(bus.lastAccess().secure()).isTrue();
        assertThat(bus.lastAccess().privileged()).isTrue();
        assertThat(bus.lastAccess().initiator()).isEqualTo("AP1");

        ap.write(MemAp.CSW, 0xE000_0002L); // HNONSEC, unprivileged
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).hasMessageContaining("non-secure access to secure RAM");
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        ap.read(MemAp.DRW);
        assertThat(bus.lastAccess().secure()).isFalse();
        assertThat(bus.lastAccess().privileged()).isFalse();
    }

    @Test
    void secureTransferWithoutSecureDebugIsNotInitiated() throws BusFault {
        authentication.secureDebugEnabled(false);
        ap.write(MemAp.CSW, 0xA200_0002L);
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        bus.forgetAccesses();
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).hasMessageContaining("SPIDEN=0");
        assertThat(bus.lastAccess()).as("nothing reached the bus").isNull();
        ap.write(MemAp.CSW, 0xE200_0002L);
        ap.read(MemAp.DRW);
        assertThat(bus.lastAccess().secure()).isFalse();
    }

    @Test
    void disabledDebugBlocksEveryTransfer() throws BusFault {
        authentication.debugEnabled(false);
        ap.write(MemAp.CSW, 0xE200_0002L);
        ap.write(MemAp.TAR, TestSystemBus.RAM);
        assertThatThrownBy(() -> ap.read(MemAp.DRW)).hasMessageContaining("DeviceEn=0");
    }

    @Test
    void debugApbPortReachesTheDbgmcuWhateverTheAuthentication() throws BusFault {
        MemAp ap0 = new MemAp(DebugPort.AP0_IDR, DebugPort.AP0_BASE, new DebugApb(bus), new DebugApbSecurity("AP0"));
        authentication.debugEnabled(false);
        ap0.write(MemAp.CSW, CSW_32_SINGLE);
        ap0.write(MemAp.TAR, 0xE004_4000L);
        assertThat(ap0.read(MemAp.DRW)).isEqualTo(TestSystemBus.DBGMCU_IDCODE);
        assertThat(bus.lastAccess().secure()).isFalse();
        assertThat(ap0.read(MemAp.CSW) & MemAp.CSW_DEVICE_EN).isNotZero();
        ap0.write(MemAp.TAR, 0x2000_0000L);
        assertThatThrownBy(() -> ap0.read(MemAp.DRW)).hasMessageContaining("no debug APB slave");
        assertThat(ap0.read(MemAp.IDR)).isEqualTo(0x5477_0002L);
        assertThat(ap0.read(MemAp.BASE)).isEqualTo(2);
    }

    @Test
    void resetRestoresCswAndTar() throws BusFault {
        ap.write(MemAp.CSW, CSW_8_PACKED);
        ap.write(MemAp.TAR, 0x1234);
        ap.reset();
        assertThat(ap.read(MemAp.CSW) & 0xFF00_003FL).isEqualTo(0x2);
        assertThat(ap.read(MemAp.TAR)).isZero();
    }
}
