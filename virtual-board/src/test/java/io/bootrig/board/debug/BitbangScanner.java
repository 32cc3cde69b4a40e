package io.bootrig.board.debug;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

/** A remote_bitbang client: JTAG scans as OpenOCD's characters over TCP, one round trip per scan. */
final class BitbangScanner extends JtagScanner implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    BitbangScanner(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends raw protocol characters. */
    void send(String commands) {
        try {
            out.write(commands.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one reply character; -1 when the server closed the connection. */
    int readReply() throws IOException {
        return in.read();
    }

    Socket socket() {
        return socket;
    }

    @Override
    protected boolean[] clock(boolean[] tms, boolean[] tdi) {
        ByteArrayOutputStream commands = new ByteArrayOutputStream();
        for (int i = 0; i < tms.length; i++) {
            int pins = (tms[i] ? 2 : 0) | (tdi[i] ? 1 : 0);
            commands.write('0' + pins);
            commands.write('R');
            commands.write('0' + 4 + pins);
        }
        try {
            commands.writeTo(out);
            out.flush();
            boolean[] tdo = new boolean[tms.length];
            for (int i = 0; i < tms.length; i++) {
                int reply = in.read();
                if (reply != '0' && reply != '1') {
                    throw new IOException("unexpected reply " + reply);
                }
                tdo[i] = reply == '1';
            }
            return tdo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
