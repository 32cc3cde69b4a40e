package io.bootrig.rig.console;

import java.util.regex.MatchResult;

/** What {@link Console#expect} consumed: the text before the match and the match itself (bytes as ISO-8859-1 chars). */
public record ConsoleMatch(String before, MatchResult result) {
    /** The matched text. */
    public String text() {
        return result.group();
    }

    public String group(int n) {
        return result.group(n);
    }
}
