package io.bootrig.wolfboot.config;

import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A wolfBoot {@code .config} file: make variable assignments, one per line, with make's
 * override rules ({@code ?=} keeps an earlier value, {@code =} and {@code :=} replace it).
 */
public final class WolfBootConfig {
    private final String source;
    private final List<ConfigAssignment> assignments;
    private final Map<String, ConfigAssignment> effective;

    private WolfBootConfig(String source, List<ConfigAssignment> assignments, Map<String, ConfigAssignment> effective) {
        this.source = source;
        this.assignments = List.copyOf(assignments);
        this.effective = Collections.unmodifiableMap(effective);
    }

    /**
     * @param source names the text in messages (usually the file name)
     * @throws FormatException naming "line N" for a line that is not an assignment
     */
    public static WolfBootConfig parse(String source, String text) throws FormatException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\r\n|\n|\r", -1);
        List<ConfigAssignment> all = new ArrayList<>();
        Map<String, ConfigAssignment> effective = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            Optional<ConfigAssignment> parsed = ConfigLineParser.parse(source, i + 1, lines[i]);
            if (parsed.isEmpty()) {
                continue;
            }
            ConfigAssignment a = parsed.get();
            all.add(a);
            ConfigAssignment earlier = effective.get(a.key());
            switch (a.operator()) {
                case SET, IMMEDIATE -> effective.put(a.key(), a);
                case DEFAULT -> effective.putIfAbsent(a.key(), a);
                case APPEND -> effective.put(a.key(), earlier == null || earlier.value().isEmpty() ? a
                        : new ConfigAssignment(a.line(), a.key(), a.operator(), earlier.value() + " " + a.value()));
            }
        }
        return new WolfBootConfig(source, all, effective);
    }

    /** Reads a .config file as UTF-8; the file name is the source in messages. */
    public static WolfBootConfig read(Path file) throws IOException, FormatException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Path name = file.getFileName();
        return parse(name == null ? file.toString() : name.toString(), text);
    }

    public String source() {
        return source;
    }

    /** Every assignment line in file order, including those a later line overrode. */
    public List<ConfigAssignment> assignments() {
        return assignments;
    }

    /** The value each key ends up with, in the order the keys first appear. */
    public Map<String, String> entries() {
        Map<String, String> out = new LinkedHashMap<>();
        effective.forEach((k, a) -> out.put(k, a.value()));
        return Collections.unmodifiableMap(out);
    }

    /** The assignment that gave the key its value. */
    public Optional<ConfigAssignment> assignment(String key) {
        return Optional.ofNullable(effective.get(key));
    }

    public Optional<String> get(String key) {
        return assignment(key).map(ConfigAssignment::value);
    }

    public boolean has(String key) {
        return effective.containsKey(key);
    }

    /** The value of a key that must be present. */
    public String require(String key) throws FormatException {
        return get(key).orElseThrow(() -> missing(key));
    }

    /** A number that must be present: hex (0x...) or decimal. */
    public long number(String key) throws FormatException {
        return toNumber(key, assignment(key).orElseThrow(() -> missing(key)));
    }

    /** A number, or empty when the key is absent. */
    public OptionalLong optionalNumber(String key) throws FormatException {
        Optional<ConfigAssignment> a = assignment(key);
        return a.isEmpty() ? OptionalLong.empty() : OptionalLong.of(toNumber(key, a.get()));
    }

    public long number(String key, long fallback) throws FormatException {
        return optionalNumber(key).orElse(fallback);
    }

    /** A number that fits a Java int, such as a size in bytes. */
    public int intNumber(String key) throws FormatException {
        return toInt(key, number(key));
    }

    public int intNumber(String key, int fallback) throws FormatException {
        OptionalLong v = optionalNumber(key);
        return v.isEmpty() ? fallback : toInt(key, v.getAsLong());
    }

    /** A 0/1 switch such as TZEN; {@code fallback} when absent. */
    public boolean flag(String key, boolean fallback) throws FormatException {
        Optional<ConfigAssignment> a = assignment(key);
        if (a.isEmpty()) {
            return fallback;
        }
        return switch (a.get().value()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new FormatException(source, key,
                    "'" + a.get().value() + "' (line " + a.get().line() + ") is not 0 or 1");
        };
    }

    /** The partition layout this configuration describes, checked. */
    public PartitionLayout layout() throws FormatException {
        return PartitionLayout.from(this);
    }

    FormatException missing(String key) {
        return new FormatException(source, key, "required but not set");
    }

    FormatException invalid(String key, String problem) {
        return new FormatException(source, key, assignment(key)
                .map(a -> problem + " (line " + a.line() + ")").orElse(problem));
    }

    private long toNumber(String key, ConfigAssignment a) throws FormatException {
        OptionalLong v = ConfigNumber.parse(a.value());
        if (v.isEmpty()) {
            throw new FormatException(source, key, "'" + a.value() + "' (line " + a.line()
                    + ") is not a number (hex 0x... or decimal without leading zeros)");
        }
        return v.getAsLong();
    }

    private int toInt(String key, long v) throws FormatException {
        if (v > Integer.MAX_VALUE) {
            throw invalid(key, ConfigNumber.hex(v) + " is too large");
        }
        return (int) v;
    }

    @Override
    public String toString() {
        return "WolfBootConfig[" + source + ", " + effective.size() + " keys]";
    }
}
