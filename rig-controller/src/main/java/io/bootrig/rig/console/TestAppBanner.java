package io.bootrig.rig.console;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test application's start banner:
 * <pre>
 * ========================
 * STM32H5 wolfBoot demo Application
 * Copyright 2024 wolfSSL Inc
 * GPL v3
 * Version : 0x1
 * ========================
 * </pre>
 * The current app ends lines with CR LF and prints the {@code info} output right after it; wolfBoot's
 * docs/flash-OTP.md shows it with LF and the prompt right after. Both are accepted.
 */
public record TestAppBanner(String title, List<String> notes, long version) {
    /**
     * Matches a whole banner in console text (line ends CR LF, LF or CR). A line end is exactly one of those three:
     * {@code \R} would also take a form feed, vertical tab or U+0085, which a line's text may hold too, so a line of
     * form feeds could be cut into the notes' eight lines in so many ways that matching never ends.
     */
    public static final Pattern PATTERN = Pattern.compile(
            "(?m)^={8,}[ \\t]*" + Eol.EOL
                    + "(?<title>[^\\r\\n]*wolfBoot[^\\r\\n]*?)[ \\t]*" + Eol.EOL
                    + "(?<notes>(?:(?![ \\t]*Version)[^\\r\\n=][^\\r\\n]*" + Eol.EOL + "){0,8})"
                    + "[ \\t]*Version[ \\t]*:[ \\t]*0x(?<version>[0-9a-fA-F]{1,8})[ \\t]*" + Eol.EOL
                    + "={8,}");

    private static final class Eol {
        static final String EOL = "(?:\\r\\n|\\r|\\n)";
        static final Pattern SPLIT = Pattern.compile(EOL);
    }

    public TestAppBanner {
        notes = List.copyOf(notes);
    }

    /** The first banner in {@code text}, if there is one. */
    public static Optional<TestAppBanner> find(String text) {
        Matcher m = PATTERN.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        List<String> notes = Arrays.stream(Eol.SPLIT.split(m.group("notes"))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return Optional.of(new TestAppBanner(m.group("title").strip(), notes, Long.parseLong(m.group("version"), 16)));
    }

    /** The banner in {@code text}; an error that shows the start of the text if there is none. */
    public static TestAppBanner parse(String text) throws UnexpectedOutputException {
        return find(text).orElseThrow(() -> new UnexpectedOutputException(
                "no test-app banner (a line of '=', a title naming wolfBoot, 'Version : 0x...', a line of '=') in \""
                        + Escapes.text(text.length() > 200 ? text.substring(0, 200) + "..." : text) + "\""));
    }
}
