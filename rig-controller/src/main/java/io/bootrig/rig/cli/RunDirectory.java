package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One run's files: transcript.txt/.jsonl, openocd.log, record.json. */
record RunDirectory(Path dir) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    static RunDirectory create(RigHome home, Path given, String board, String command) {
        Path dir = given != null ? given
                : home.stateHome().resolve("runs").resolve(board).resolve(LocalDateTime.now().format(STAMP) + "-" + command);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw RigException.badInput("cannot create the run directory " + dir + ": " + e.getMessage());
        }
        return new RunDirectory(dir.toAbsolutePath());
    }

    Path transcriptStem() {
        return dir.resolve("transcript");
    }

    Path openOcdLog() {
        return dir.resolve("openocd.log");
    }

    Path record() {
        return dir.resolve("record.json");
    }
}
