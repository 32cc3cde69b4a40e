package io.bootrig.rig.cli;

import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** Where an image's header size comes from when the file alone cannot say (trailing bytes). */
final class HeaderSizeOptions {
    @Option(names = "--header-size", paramLabel = "N",
            description = "IMAGE_HEADER_SIZE the image was signed with (default: file size minus payload size)")
    String headerSize;

    OptionalInt resolve() {
        return headerSize == null ? OptionalInt.empty() : OptionalInt.of(parse(headerSize));
    }

    static int parse(String text) {
        long n = Inputs.number("--header-size", text);
        if (n < 12 || n > 0x100000) {
            throw RigException.badInput("--header-size: " + text + " is not a plausible header size (12..1 MiB)");
        }
        return (int) n;
    }
}
