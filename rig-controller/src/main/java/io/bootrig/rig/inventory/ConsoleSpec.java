package io.bootrig.rig.inventory;

import io.bootrig.rig.link.SerialSettings;

/** Where a board's UART console is. */
public sealed interface ConsoleSpec {
    /** The virtual board's own console (a pseudo-terminal it reports when it starts). */
    record Virtual() implements ConsoleSpec {}

    /**
     * A port as {@code rig console --port} takes it: a device path or /dev/serial/by-id name, {@code tcp://HOST:PORT}
     * or {@code rfc2217://HOST:PORT}; parsed with {@link io.bootrig.rig.link.LinkEndpoint#parse}.
     */
    record Port(String port, SerialSettings settings) implements ConsoleSpec {}
}
