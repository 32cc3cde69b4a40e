package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.WolfBootConfig;
import io.bootrig.wolfboot.crypto.AuthType;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.nio.file.Path;

/** Reads a wolfBoot .config given on the command line. */
final class ConfigSupport {
    private ConfigSupport() {}

    /** What signing takes from a config. */
    record Signing(int headerSize, HashAlgorithm hash, long maxImageSize) {}

    static PartitionLayout layout(Path file) throws FormatException {
        return WolfBootConfig.parse(file.toString(), Inputs.readText(file)).layout();
    }

    static Signing signing(Path config, AuthType keyType) throws FormatException {
        PartitionLayout layout = layout(config);
        if (layout.sign() != keyType) {
            throw RigException.badInput(config + ": SIGN=" + layout.sign().wolfBootName() + " but the key is "
                    + keyType.wolfBootName());
        }
        return new Signing(layout.headerSize(), layout.hash(), layout.maxFirmwareSize());
    }
}
