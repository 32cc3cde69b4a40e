package io.bootrig.rig.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.bootrig.wolfboot.FormatException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed reads of one YAML mapping, each failure naming the file, the field's path and what was expected. */
final class YamlFields {
    private final String source;
    private final String prefix;
    private final JsonNode node;

    YamlFields(String source, String prefix, JsonNode node) {
        this.source = source;
        this.prefix = prefix;
        this.node = node;
    }

    /** The key's path for messages, on one line: a key that is empty, blank or holds control characters is quoted. */
    String field(String key) {
        String k = display(key);
        return prefix.isEmpty() ? k : prefix + "." + k;
    }

    /** The key as is, or in double quotes with C-style escapes ({@code \n}, {@code \u0085}, ...): YAML allows any key. */
    static String display(String key) {
        boolean plain = !key.isBlank() && key.strip().equals(key) && key.chars().noneMatch(YamlFields::control);
        if (plain) {
            return key;
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(control(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029;
    }

    FormatException error(String key, String problem) {
        return new FormatException(source, field(key), problem);
    }

    void allowOnly(Set<String> keys) throws FormatException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!keys.contains(k)) {
                throw error(k, "unknown field; expected one of " + String.join(", ", keys.stream().sorted().toList()));
            }
        }
    }

    boolean has(String key) {
        return node.has(key);
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String requiredString(String key) throws FormatException {
        return optionalString(key).orElseThrow(() -> error(key, "missing; it is required"));
    }

    Optional<String> optionalString(String key) throws FormatException {
        JsonNode v = node.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw error(key, "expected a non-empty string, found " + describe(v));
        }
        return Optional.of(v.asText());
    }

    Optional<Integer> optionalPositiveInt(String key) throws FormatException {
        JsonNode v = node.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() <= 0) {
            throw error(key, "expected a positive integer, found " + describe(v));
        }
        return Optional.of(v.asInt());
    }

    Optional<YamlFields> optionalMapping(String key) throws FormatException {
        JsonNode v = node.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw error(key, "expected a mapping, found " + describe(v));
        }
        return Optional.of(new YamlFields(source, field(key), v));
    }

    YamlFields requiredMapping(String key) throws FormatException {
        return optionalMapping(key).orElseThrow(() -> error(key, "missing; it is required"));
    }

    /** A list of non-empty strings; absent means empty. */
    List<String> stringList(String key) throws FormatException {
        JsonNode v = node.get(key);
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw error(key, "expected a list of strings, found " + describe(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().isEmpty()) {
                throw new FormatException(source, field(key) + "[" + i + "]", "expected a non-empty string, found "
                        + describe(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    /** A mapping of scalar values, each as its text ({@code true}, {@code 3}, {@code bench-3}). */
    Map<String, String> scalarMap(String key) throws FormatException {
        Optional<YamlFields> m = optionalMapping(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (m.isEmpty()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> entries = m.get().node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw m.get().error(e.getKey(), "expected a string, number or boolean, found " + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText() + " (quote it if you meant text: YAML reads on, off, yes, no as booleans)";
        }
        if (v.isNumber()) {
            return "the number " + v.asText() + " (quote it if you meant text)";
        }
        return v.isTextual() && v.asText().isBlank() ? "an empty string" : "'" + v.asText() + "'";
    }
}
