package io.bootrig.rig.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files a command is given, turning I/O problems into one-line bad-input errors. */
final class Inputs {
    private Inputs() {}

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw RigException.badInput(file + ": no such file");
        } catch (IOException e) {
            throw RigException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static String readText(Path file) {
        return new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Parses 0x-prefixed hexadecimal or decimal. */
    static long number(String what, String text) {
        String t = text.trim().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw RigException.badInput(what + ": '" + text + "' is not a number (decimal or 0x-hex)");
        }
    }
}
