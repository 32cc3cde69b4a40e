package io.bootrig.rig.link;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a board's console is and how to open a link to it; a link can be opened again after it was lost. */
public sealed interface LinkEndpoint permits SerialEndpoint, TcpEndpoint, Rfc2217Endpoint {
    /** One attempt to open the link. */
    ByteLink open() throws LinkUnavailableException;

    String describe();

    /**
     * Parses a port given on the command line: {@code tcp://HOST:PORT} (raw TCP, ser2net raw), {@code rfc2217://HOST:PORT}
     * (telnet with COM-PORT-OPTION), or a serial device (a path, a /dev/serial/by-id name, or a /dev name).
     */
    static LinkEndpoint parse(String spec, SerialSettings settings) {
        if (spec.isBlank()) {
            throw new IllegalArgumentException("the port is empty; give a device, tcp://HOST:PORT or rfc2217://HOST:PORT");
        }
        int scheme = spec.indexOf("://");
        if (scheme < 0) {
            return new SerialEndpoint(spec, settings);
        }
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + spec + "' is not HOST:PORT (" + e.getMessage() + ")");
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535
                || !(uri.getPath() == null || uri.getPath().isEmpty())) {
            throw new IllegalArgumentException("'" + spec + "' must be " + uri.getScheme() + "://HOST:PORT with a port 1-65535");
        }
        return switch (uri.getScheme()) {
            case "tcp" -> new TcpEndpoint(uri.getHost(), uri.getPort());
            case "rfc2217" -> new Rfc2217Endpoint(uri.getHost(), uri.getPort(), settings);
            default -> throw new IllegalArgumentException("unknown port scheme '" + uri.getScheme()
                    + "' in '" + spec + "'; use a device, tcp://HOST:PORT or rfc2217://HOST:PORT");
        };
    }
}
