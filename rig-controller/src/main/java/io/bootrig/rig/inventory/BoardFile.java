package io.bootrig.rig.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.link.LinkEndpoint;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One board-configs/boards/NAME.yaml: read strictly into a {@link BoardSpec}. */
final class BoardFile {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> FIELDS = Set.of("name", "kind", "stlink-serial", "console", "console-baud",
            "console-framing", "openocd", "power", "wolfboot-config", "tags", "state-directory");
    private static final String VIRTUAL = "virtual";

    private final RigHome home;
    private final Path file;
    private final String source;

    private BoardFile(RigHome home, Path file) {
        this.home = home;
        this.file = file.toAbsolutePath().normalize();
        this.source = this.file.toString();
    }

    static BoardSpec read(RigHome home, Path file) throws FormatException {
        BoardFile b = new BoardFile(home, file);
        return b.read(b.text());
    }

    /** The board in {@code text}, checked as if it were the content of {@code file} (which need not exist). */
    static BoardSpec parse(RigHome home, Path file, String text) throws FormatException {
        return new BoardFile(home, file).read(text);
    }

    /** The file name without .yaml/.yml: what the board's name must be. */
    static String stem(Path file) {
        String f = file.getFileName().toString();
        return f.substring(0, f.lastIndexOf('.'));
    }

    private BoardSpec read(String text) throws FormatException {
        YamlFields y = new YamlFields(source, "", parse(text));
        y.allowOnly(FIELDS);
        String name = name(y);
        BoardKind kind = kind(y);
        boolean virtual = kind == BoardKind.VIRTUAL;
        if (virtual) {
            forbid(y, "stlink-serial", "a virtual board has no ST-LINK");
        } else {
            forbid(y, "state-directory", "only virtual boards keep their flash in a state directory");
            if (SimNames.isSimName(name)) {
                throw y.error("kind", "'" + name + "' is a name reserved for virtual boards; expected kind: virtual");
            }
        }
        Optional<String> serial = y.optionalString("stlink-serial");
        ConsoleSpec console = console(y, virtual);
        OpenOcdInterface openocd = openocd(y);
        PowerSpec power = power(y, virtual);
        Path wolfbootConfig = wolfbootConfig(y);
        Map<String, String> tags = tags(y);
        Optional<Path> state = virtual
                ? Optional.of(y.optionalString("state-directory").map(this::relativeToFile)
                        .orElse(home.stateHome().resolve("sim").resolve(name)))
                : Optional.empty();
        return new BoardSpec(name, kind, serial, console, openocd, power, wolfbootConfig, tags, state, source);
    }

    private String text() throws FormatException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new FormatException(source, "file", "cannot read it: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(String text) throws FormatException {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FormatException(source, "YAML", e.getOriginalMessage() + locate(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(source, "document", "expected a mapping of board fields (name: ..., kind: ...), found "
                    + YamlFields.describe(root));
        }
        return root;
    }

    private static String locate(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private String name(YamlFields y) throws FormatException {
        String name = y.requiredString("name");
        if (!NAME.matcher(name).matches()) {
            throw y.error("name", "'" + name + "' must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!name.equals(stem(file))) {
            throw y.error("name", "'" + name + "' must equal the file name; expected '" + stem(file) + "' or rename the file");
        }
        return name;
    }

    private static BoardKind kind(YamlFields y) throws FormatException {
        String kind = y.requiredString("kind");
        for (BoardKind k : BoardKind.values()) {
            if (k.yamlName().equals(kind)) {
                return k;
            }
        }
        throw y.error("kind", "'" + kind + "' is not a board kind; expected one of "
                + String.join(", ", Arrays.stream(BoardKind.values()).map(BoardKind::yamlName).toList()));
    }

    private static ConsoleSpec console(YamlFields y, boolean virtual) throws FormatException {
        String console = y.requiredString("console");
        if (virtual) {
            if (!VIRTUAL.equals(console)) {
                throw y.error("console", "'" + console + "': a virtual board's console is its own pseudo-terminal; expected 'virtual'");
            }
            forbid(y, "console-baud", "the virtual board's console has no line settings");
            forbid(y, "console-framing", "the virtual board's console has no line settings");
            return new ConsoleSpec.Virtual();
        }
        if (VIRTUAL.equals(console)) {
            throw y.error("console", "'virtual' is only for kind: virtual; expected a device, tcp://HOST:PORT or rfc2217://HOST:PORT");
        }
        int baud = y.optionalPositiveInt("console-baud").orElse(SerialSettings.DEFAULT.baud());
        SerialSettings settings;
        try {
            settings = SerialSettings.of(baud, y.optionalString("console-framing").orElse(SerialSettings.DEFAULT.framing()));
        } catch (IllegalArgumentException e) {
            throw y.error("console-framing", e.getMessage());
        }
        try {
            LinkEndpoint.parse(console, settings);
        } catch (IllegalArgumentException e) {
            throw y.error("console", e.getMessage());
        }
        return new ConsoleSpec.Port(console, settings);
    }

    private OpenOcdInterface openocd(YamlFields y) throws FormatException {
        YamlFields o = y.requiredMapping("openocd");
        o.allowOnly(Set.of("interface", "commands"));
        String iface = o.requiredString("interface");
        Path p = Path.of(iface);
        Path resolved = p.isAbsolute() ? p : home.openocdScripts().resolve(p);
        if (!Files.isRegularFile(resolved)) {
            throw o.error("interface", "'" + iface + "' not found (looked at " + resolved
                    + "); expected a file relative to board-configs/openocd or an absolute path");
        }
        return new OpenOcdInterface(iface, o.stringList("commands"));
    }

    private static PowerSpec power(YamlFields y, boolean virtual) throws FormatException {
        JsonNode v = y.raw("power");
        if (v == null) {
            return virtual ? new PowerSpec.Virtual() : new PowerSpec.None();
        }
        if (v.isTextual() && v.asText().equals("none")) {
            return new PowerSpec.None();
        }
        if (v.isTextual() && v.asText().equals(VIRTUAL)) {
            if (!virtual) {
                throw y.error("power", "'virtual' is only for kind: virtual; expected none or {command: [...]}");
            }
            return new PowerSpec.Virtual();
        }
        if (v.isObject()) {
            if (virtual) {
                throw y.error("power", "a virtual board is powered through its control port; expected virtual or none");
            }
            YamlFields p = y.requiredMapping("power");
            p.allowOnly(Set.of("command"));
            if (!p.has("command")) {
                throw p.error("command", "missing; expected a list such as [uhubctl, -l, \"1-1\", -p, \"2\", -a, \"{action}\"]");
            }
            List<String> template = p.stringList("command");
            if (template.isEmpty()) {
                throw p.error("command", "empty; expected the program and its arguments");
            }
            if (template.stream().noneMatch(a -> a.contains("{action}"))) {
                throw p.error("command", "no argument contains {action}; expected it where off, on or cycle goes");
            }
            return new PowerSpec.Command(template);
        }
        throw y.error("power", "expected none, virtual or {command: [...]}, found " + YamlFields.describe(v));
    }

    private Path wolfbootConfig(YamlFields y) throws FormatException {
        String given = y.requiredString("wolfboot-config");
        Path p = relativeToFile(given);
        if (!Files.isRegularFile(p)) {
            throw y.error("wolfboot-config", "'" + given + "' not found (looked at " + p
                    + "); expected a wolfBoot .config file, relative to the YAML file or absolute");
        }
        return p;
    }

    private Map<String, String> tags(YamlFields y) throws FormatException {
        Map<String, String> tags = y.scalarMap("tags");
        String sacrificial = tags.get("sacrificial");
        if (sacrificial != null && !sacrificial.equals("true") && !sacrificial.equals("false")) {
            throw new FormatException(source, "tags.sacrificial", "'" + sacrificial + "': expected true or false");
        }
        return tags;
    }

    private Path relativeToFile(String given) {
        return file.getParent().resolve(given).normalize();
    }

    private static void forbid(YamlFields y, String key, String why) throws FormatException {
        if (y.has(key)) {
            throw y.error(key, "not allowed here: " + why);
        }
    }
}
