package io.bootrig.rig.cli;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.link.LinkUnavailableException;
import io.bootrig.rig.link.SerialEndpoint;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.xmodem.BlockSize;
import io.bootrig.rig.xmodem.SendResult;
import io.bootrig.rig.xmodem.SenderSettings;
import io.bootrig.rig.xmodem.Timeline;
import io.bootrig.rig.xmodem.XmodemException;
import io.bootrig.rig.xmodem.XmodemSender;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send FILE with XMODEM; the receiver chooses checksum (NAK) or CRC-16 ('C').",
                "Exit 0 = transfer complete, 1 = the receiver refused, cancelled or stopped answering (the message "
                + "says which, e.g. the duplicate-block trap), 2 = bad usage or input, 3 = port missing or lost."})
final class XmodemSendCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the file to send (a signed image for the test application)")
    Path file;

    @Option(names = "--port", required = true, paramLabel = "P", description = "serial device, e.g. /dev/ttyACM0")
    String port;

    @Option(names = "--block", paramLabel = "128|1k", defaultValue = "128", converter = BlockSizeConverter.class,
            description = "largest block (default 128); 1k only for a receiver known to take 1K blocks, and used "
                    + "only if it asks for CRC-16")
    BlockSize block;

    @Option(names = "--timeline", description = "print one line per block: sent, acknowledged, NAKs, timeouts")
    boolean timeline;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        byte[] data = Inputs.read(file);
        if (data.length == 0) {
            throw RigException.badInput(file + ": empty (XMODEM cannot send an empty file)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ByteLink link = open(port)) {
            XmodemSender sender = new XmodemSender(link, SenderSettings.defaults().withBlockSize(block));
            SendResult r = sender.send(data, new ProgressPrinter(err));
            if (timeline) {
                r.timeline().lines().forEach(out::println);
            }
            out.printf("sent %s: %d bytes in %d blocks (%s) over %s in %.1f s (%.0f bytes/s), %d NAK%s%n", file,
                    r.bytes(), r.blocks(), r.check().label(), link.describe(), r.elapsed().toMillis() / 1000.0,
                    r.bytesPerSecond(), r.timeline().totalNaks(), r.timeline().totalNaks() == 1 ? "" : "s");
            return ExitCode.OK;
        } catch (XmodemException e) {
            if (timeline) {
                e.timeline().map(Timeline::lines).ifPresent(lines -> lines.forEach(out::println));
            }
            throw new RigException(ExitCode.REJECTED, "xmodem send: " + e.getMessage());
        } catch (LinkLostException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, "xmodem send: link lost: " + e.getMessage());
        } catch (IOException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, "xmodem send: " + e.getMessage());
        }
    }

    /** The serial device at 115200 8N1; missing or busy is an infrastructure failure. */
    static ByteLink open(String port) {
        try {
            return new SerialEndpoint(port, SerialSettings.DEFAULT).open();
        } catch (LinkUnavailableException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, e.getMessage());
        }
    }

    /** Prints each tenth of the way on stderr. */
    private static final class ProgressPrinter implements io.bootrig.rig.xmodem.ProgressListener {
        private final PrintWriter err;
        private int lastTenth;

        ProgressPrinter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void acknowledged(int block, long bytesAcknowledged, long totalBytes) {
            int tenth = (int) (bytesAcknowledged * 10 / totalBytes);
            if (tenth > lastTenth) {
                lastTenth = tenth;
                err.printf("rig: %d%% (%d of %d bytes)%n", tenth * 10, bytesAcknowledged, totalBytes);
            }
        }
    }

    static final class BlockSizeConverter implements ITypeConverter<BlockSize> {
        @Override
        public BlockSize convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "128" -> BlockSize.B128;
                case "1k", "1024" -> BlockSize.B1K;
                default -> throw new TypeConversionException("'" + value + "' is not a block size: use 128 or 1k");
            };
        }
    }
}
