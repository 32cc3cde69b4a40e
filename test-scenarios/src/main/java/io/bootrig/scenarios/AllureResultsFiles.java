package io.bootrig.scenarios;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report-wide Allure files: environment.properties (board, OpenOCD, keystore fingerprint, wolfBoot config) and
 * categories.json, which sorts failures into product, infrastructure and setup by the tag the rig puts first in
 * every message.
 */
final class AllureResultsFiles {
    private static final String CATEGORIES = """
            [
              {"name": "Product failures", "description": "the firmware or the artefacts under test misbehaved",
               "matchedStatuses": ["failed"], "messageRegex": "(?s).*\\\\[product\\\\].*"},
              {"name": "Infrastructure failures", "description": "OpenOCD, a port, power or a lease: not the product",
               "matchedStatuses": ["broken"], "messageRegex": "(?s).*\\\\[infrastructure\\\\].*"},
              {"name": "Setup failures", "description": "a guard refused or the inputs were unusable",
               "matchedStatuses": ["broken"], "messageRegex": "(?s).*\\\\[setup\\\\].*"},
              {"name": "Other test failures", "matchedStatuses": ["failed"]},
              {"name": "Other errors", "matchedStatuses": ["broken"]}
            ]
            """;

    private AllureResultsFiles() {}

    static Path directory() {
        return Path.of(System.getProperty("allure.results.directory", "allure-results"));
    }

    static void write(BoardUnderTest board) throws IOException {
        Path dir = Files.createDirectories(directory());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("board", board.board().name() + " (" + board.board().kind() + ")");
        env.put("openocd", board.session().openocd().version());
        env.put("keystore", board.materials().keystoreFile().getFileName().toString());
        env.put("keystore.sha256", board.materials().keystoreFingerprint());
        env.put("wolfboot.config", board.materials().layout().source());
        env.put("java", System.getProperty("java.version"));
        StringBuilder text = new StringBuilder();
        env.forEach((k, v) -> text.append(k).append(" = ").append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(dir.resolve("environment.properties"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("categories.json"), CATEGORIES, StandardCharsets.UTF_8);
    }
}
