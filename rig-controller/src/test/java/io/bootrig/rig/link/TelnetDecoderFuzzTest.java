package io.bootrig.rig.link;

import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An RFC 2217 (telnet) stream from a ser2net-like server on any bytes: {@link TelnetDecoder} gives
 * the same data and the same commands whether the stream arrives whole or split at any points (the
 * first byte sets the piece size), never more data bytes than it was given, and data escaped as the
 * link writes it (IAC doubled) decodes back to itself.
 */
class TelnetDecoderFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void decode(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int piece = 1 + (data[0] & 0x3F);
        byte[] stream = Arrays.copyOfRange(data, 1, data.length);
        Decoded whole = decode(stream, stream.length);
        Decoded split = decode(stream, piece);
        require(Arrays.equals(whole.data, split.data), "data differs when the stream arrives in " + piece + "-byte pieces");
        require(whole.commands.equals(split.commands), "commands differ when the stream arrives in pieces: "
                + whole.commands + " vs " + split.commands);

        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        for (byte b : stream) {
            escaped.write(b);
            if ((b & 0xFF) == TelnetDecoder.IAC) {
                escaped.write(b);
            }
        }
        Decoded plain = decode(escaped.toByteArray(), piece);
        require(Arrays.equals(plain.data, stream), "IAC-escaped data does not decode back to itself");
        require(plain.commands.isEmpty(), "IAC-escaped data decodes to commands " + plain.commands);
    }

    private record Decoded(byte[] data, List<String> commands) {}

    private static Decoded decode(byte[] stream, int piece) throws IOException {
        List<String> commands = new ArrayList<>();
        TelnetDecoder decoder = new TelnetDecoder(new TelnetDecoder.Commands() {
            @Override
            public void negotiation(int verb, int option) {
                commands.add(verb + "/" + option);
            }

            @Override
            public void subnegotiation(int option, byte[] data) {
                commands.add("sb " + option + " " + Arrays.toString(data));
            }
        });
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int off = 0; off < stream.length; off += piece) {
            int len = Math.min(piece, stream.length - off);
            byte[] out = new byte[len];
            int n = decoder.decode(stream, off, len, out, 0);
            require(n >= 0 && n <= len, "decode returned " + n + " data bytes for " + len + " input bytes");
            data.write(out, 0, n);
        }
        return new Decoded(data.toByteArray(), commands);
    }
}
