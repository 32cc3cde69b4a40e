package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.image.SignedImage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a signed image's header: size, version, type, digest and every TLV (also unknown ones).")
final class ImageInspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "signed image")
    Path file;

    @Mixin
    HeaderSizeOptions headerSize;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws FormatException {
        byte[] bytes = Inputs.read(file);
        SignedImage img = SignedImage.parse(file.toString(), bytes, headerSize.resolve());
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(ImageReport.toMap(img, bytes.length)));
        } else {
            ImageReport.toLines(img, bytes.length).forEach(out::println);
        }
        return ExitCode.OK;
    }
}
