package io.bootrig.rig.cli;

import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.xmodem.ReceiveResult;
import io.bootrig.rig.xmodem.XmodemException;
import io.bootrig.rig.xmodem.XmodemReceiver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "recv", mixinStandardHelpOptions = true,
        description = {"Receive FILE with XMODEM (asks for CRC-16; takes 128-byte and 1K blocks). XMODEM carries no "
                + "length: FILE keeps the sender's padding of the last block (usually 0x1A).",
                "Exit 0 = transfer complete, 1 = the sender cancelled, never started or sent bad packets, "
                + "2 = bad usage, 3 = port missing or lost."})
final class XmodemRecvCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "where to write what arrives (written only when complete)")
    Path file;

    @Option(names = "--port", required = true, paramLabel = "P", description = "serial device, e.g. /dev/ttyACM0")
    String port;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw RigException.badInput(file + ": no such directory");
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ReceiveResult r;
        String where;
        try (ByteLink link = XmodemSendCommand.open(port)) {
            r = new XmodemReceiver(link).receive(received);
            where = link.describe();
        } catch (XmodemException e) {
            throw new RigException(ExitCode.REJECTED, "xmodem recv: " + e.getMessage());
        } catch (LinkLostException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, "xmodem recv: link lost: " + e.getMessage());
        } catch (IOException e) {
            throw new RigException(ExitCode.INFRASTRUCTURE, "xmodem recv: " + e.getMessage());
        }
        try {
            Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            Files.write(part, received.toByteArray());
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw RigException.badInput(file + ": cannot write (" + e.getMessage() + ")");
        }
        spec.commandLine().getOut().printf("received %s: %d bytes in %d blocks (%s, padding included) over %s "
                + "in %.1f s, %d NAK%s, %d repeated block%s%n", file, r.bytes(), r.blocks(), r.check().label(), where,
                r.elapsed().toMillis() / 1000.0, r.naks(), r.naks() == 1 ? "" : "s", r.duplicates(),
                r.duplicates() == 1 ? "" : "s");
        return ExitCode.OK;
    }
}
