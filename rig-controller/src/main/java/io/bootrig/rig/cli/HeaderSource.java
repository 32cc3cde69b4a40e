package io.bootrig.rig.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where an image's header size comes from: given, or a wolfBoot .config (which also tells HASH and SIGN). */
final class HeaderSource {
    @Option(names = "--header-size", paramLabel = "N", description = "IMAGE_HEADER_SIZE")
    String headerSize;

    @Option(names = "--config", paramLabel = "FILE",
            description = "wolfBoot .config giving IMAGE_HEADER_SIZE, HASH and SIGN")
    Path config;
}
