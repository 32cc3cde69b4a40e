package io.bootrig.board.uart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LinePacingTest {
    @Test
    void at115200BaudA10BitByteTakes86Microseconds() {
        assertThat(LineSpeed.DEFAULT.byteNanos()).isEqualTo(86_805);
        assertThat(1_000_000_000L / LineSpeed.DEFAULT.byteNanos()).as("bytes per second").isEqualTo(11_520);
        assertThat(LineSpeed.UNPACED.byteNanos()).isZero();
        assertThat(LineSpeed.parse("unpaced")).isEqualTo(LineSpeed.UNPACED);
        assertThat(LineSpeed.parse("9600").byteNanos()).isEqualTo(1_041_666);
        assertThatThrownBy(() -> LineSpeed.parse("fast")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesQueueOneAfterAnotherAndAnIdleLineStartsAtOnce() {
        LinePacer pacer = new LinePacer(LineSpeed.DEFAULT);
        long t = 1_000_000_000L;

        assertThat(pacer.reserve(t)).isEqualTo(t);
        assertThat(pacer.reserve(t)).isEqualTo(t + 86_805);
        assertThat(pacer.reserve(t + 10)).isEqualTo(t + 2 * 86_805);
        assertThat(pacer.reserve(t + 10_000_000)).as("idle line").isEqualTo(t + 10_000_000);
        assertThat(new LinePacer(LineSpeed.UNPACED).reserve(t)).isEqualTo(t);
    }

    @Test
    void corruptionInvertsEveryNthByte() {
        LineCorruption corruption = new LineCorruption(3);
        byte[] out = new byte[6];
        for (int i = 0; i < out.length; i++) {
            out[i] = corruption.apply((byte) 0x41);
        }

        assertThat(out).containsExactly(0x41, 0x41, (byte) 0xBE, 0x41, 0x41, (byte) 0xBE);
        assertThat(corruption.bytesFlipped()).isEqualTo(2);
    }
}
