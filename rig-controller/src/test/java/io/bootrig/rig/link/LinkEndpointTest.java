package io.bootrig.rig.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LinkEndpointTest {
    private static final SerialSettings S = SerialSettings.DEFAULT;

    @Test
    void portSpellings() {
        assertThat(LinkEndpoint.parse("/dev/ttyACM0", S)).isEqualTo(new SerialEndpoint("/dev/ttyACM0", S));
        assertThat(LinkEndpoint.parse("tcp://127.0.0.1:4001", S)).isEqualTo(new TcpEndpoint("127.0.0.1", 4001));
        assertThat(LinkEndpoint.parse("rfc2217://rig-host:2217", S)).isEqualTo(new Rfc2217Endpoint("rig-host", 2217, S));
        assertThat(LinkEndpoint.parse("tcp://[::1]:4001", S).describe()).isEqualTo("tcp://[::1]:4001");
    }

    @Test
    void bareNamesResolveUnderDev() {
        assertThat(new SerialEndpoint("ttyACM7", S).path()).isEqualTo(Path.of("/dev/ttyACM7"));
        assertThat(new SerialEndpoint("usb-STMicroelectronics_STLINK-V3_0042-if02", S).path())
                .isEqualTo(Path.of("/dev/usb-STMicroelectronics_STLINK-V3_0042-if02"));
        assertThat(new SerialEndpoint("./ttyX", S).path()).isEqualTo(Path.of("./ttyX"));
    }

    @Test
    void badPortsSayWhatIsExpected() {
        assertThatThrownBy(() -> LinkEndpoint.parse("tcp://host", S)).hasMessageContaining("tcp://HOST:PORT");
        assertThatThrownBy(() -> LinkEndpoint.parse("tcp://host:0", S)).hasMessageContaining("port 1-65535");
        assertThatThrownBy(() -> LinkEndpoint.parse("telnet://host:23", S)).hasMessageContaining("unknown port scheme 'telnet'");
        assertThatThrownBy(() -> LinkEndpoint.parse(" ", S)).hasMessageContaining("empty");
    }

    @Test
    void serialSettings() {
        assertThat(SerialSettings.DEFAULT).hasToString("115200 8N1");
        assertThat(SerialSettings.of(9600, "7e2")).isEqualTo(new SerialSettings(9600, 7, SerialSettings.Parity.EVEN,
                SerialSettings.StopBits.TWO));
        assertThat(SerialSettings.of(57600, "8N1.5")).hasToString("57600 8N1.5");
        assertThatThrownBy(() -> SerialSettings.of(115200, "9N1")).hasMessageContaining("like 8N1");
        assertThatThrownBy(() -> SerialSettings.of(0, "8N1")).hasMessageContaining("positive");
    }
}
