package io.bootrig.rig.link;

import java.time.Duration;

/** A raw TCP serial server (ser2net in raw mode). */
public record TcpEndpoint(String host, int port) implements LinkEndpoint {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public TcpLink open() throws LinkUnavailableException {
        return TcpLink.connect(host, port, CONNECT_TIMEOUT);
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }
}
