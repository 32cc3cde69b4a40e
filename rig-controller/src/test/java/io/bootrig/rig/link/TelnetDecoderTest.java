package io.bootrig.rig.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelnetDecoderTest {
    private final List<String> commands = new ArrayList<>();
    private final TelnetDecoder decoder = new TelnetDecoder(new TelnetDecoder.Commands() {
        @Override
        public void negotiation(int verb, int option) {
            commands.add(verb + "/" + option);
        }

        @Override
        public void subnegotiation(int option, byte[] data) {
            commands.add("sb " + option + " " + Arrays.toString(data));
        }
    });

    private byte[] feed(int... bytes) throws Exception {
        byte[] in = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            in[i] = (byte) bytes[i];
        }
        byte[] out = new byte[in.length];
        int n = decoder.decode(in, 0, in.length, out, 0);
        return Arrays.copyOf(out, n);
    }

    @Test
    void dataPassesAndIacIacIsOneFf() throws Exception {
        assertThat(feed('a', 255, 255, 'b', 0, 13)).containsExactly('a', 0xFF, 'b', 0, 13);
        assertThat(commands).isEmpty();
    }

    @Test
    void negotiationsAndSubnegotiationsAreTakenOut() throws Exception {
        assertThat(feed('x', 255, 251, 3, 'y', 255, 250, 44, 101, 0, 1, 194, 0, 255, 240, 'z'))
                .containsExactly('x', 'y', 'z');
        assertThat(commands).containsExactly("251/3", "sb 44 [101, 0, 1, -62, 0]");
    }

    @Test
    void commandsMaySpanReads() throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(feed('a', 255));
        data.writeBytes(feed(253));
        data.writeBytes(feed(0, 255, 250, 44));
        data.writeBytes(feed(107, 255, 255, 255));
        data.writeBytes(feed(240, 255));
        data.writeBytes(feed(255, 'b'));
        assertThat(data.toByteArray()).containsExactly('a', 0xFF, 'b');
        assertThat(commands).containsExactly("253/0", "sb 44 [107, -1]");
    }

    @Test
    void otherCommandsAreDropped() throws Exception {
        assertThat(feed('a', 255, 241, 'b', 255, 249)).containsExactly('a', 'b');
    }
}
