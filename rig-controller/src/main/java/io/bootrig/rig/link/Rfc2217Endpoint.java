package io.bootrig.rig.link;

import java.time.Duration;

/** A telnet serial server that speaks RFC 2217 (ser2net's telnet(rfc2217) accepter). */
public record Rfc2217Endpoint(String host, int port, SerialSettings settings) implements LinkEndpoint {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Override
    public Rfc2217Link open() throws LinkUnavailableException {
        return Rfc2217Link.connect(host, port, settings, CONNECT_TIMEOUT);
    }

    @Override
    public String describe() {
        return "rfc2217://" + host + ":" + port + " " + settings;
    }
}
