package io.bootrig.rig.link;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local serial device: a path (/dev/ttyACM0, a socat link), a /dev/serial/by-id name, or a bare /dev name
 * (ttyACM0). The name is resolved at each open, so a by-id link that points elsewhere after re-enumeration is followed.
 */
public record SerialEndpoint(String device, SerialSettings settings) implements LinkEndpoint {
    private static final Path BY_ID = Path.of("/dev/serial/by-id");
    private static final Path DEV = Path.of("/dev");

    /** The device path an open would use now. */
    public Path path() {
        if (device.contains("/")) {
            return Path.of(device);
        }
        Path byId = BY_ID.resolve(device);
        return Files.exists(byId) ? byId : DEV.resolve(device);
    }

    @Override
    public SerialLink open() throws LinkUnavailableException {
        return SerialLink.open(path(), settings);
    }

    @Override
    public String describe() {
        return device + " " + settings;
    }
}
