package io.bootrig.rig.console;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The test app's {@code help}: "name : description" lines, in table order. */
public record HelpListing(Map<String, String> commands) {
    private static final Pattern ENTRY = Pattern.compile("(?m)^[ \\t]*([a-z0-9_]+) : ([^\\r\\n]*?)[ \\t]*$");

    public HelpListing {
        commands = Collections.unmodifiableMap(new LinkedHashMap<>(commands));
    }

    public static HelpListing parse(String text) throws UnexpectedOutputException {
        Map<String, String> commands = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(text.replace("\r\n", "\n"));
        while (m.find()) {
            commands.put(m.group(1), m.group(2));
        }
        if (commands.isEmpty()) {
            throw new UnexpectedOutputException("no 'name : description' lines in the help output: \""
                    + Escapes.text(text.length() > 200 ? text.substring(0, 200) + "..." : text) + "\"");
        }
        return new HelpListing(commands);
    }
}
