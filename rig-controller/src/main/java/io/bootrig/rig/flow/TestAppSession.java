package io.bootrig.rig.flow;

import io.bootrig.rig.console.Console;
import io.bootrig.rig.console.ConsoleMatch;
import io.bootrig.rig.console.ExpectTimeoutException;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.console.TestAppBanner;
import io.bootrig.rig.console.UnexpectedOutputException;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/** The test application as the flows talk to it: its start-up output, {@code info}, and the prompt. */
public final class TestAppSession {
    /** The banner, the info it prints after it, and the first prompt. */
    private static final Pattern FIRST_PROMPT = Pattern.compile(
            "={8,}[^\\r\\n]*\\R[^\\r\\n]*wolfBoot[\\s\\S]*?\\r?\\n" + Pattern.quote(Console.PROMPT));
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    /** What the application printed when it started. */
    public record Boot(TestAppBanner banner, SystemInfo info, String text) {}

    private TestAppSession() {}

    /** Waits for the banner, its info output and the prompt (after a reset the caller caused). */
    public static Boot awaitBoot(Console console, Duration timeout) throws IOException, StepFailure {
        ConsoleMatch m;
        try {
            m = console.expect(FIRST_PROMPT, timeout);
        } catch (ExpectTimeoutException e) {
            throw StepFailure.product("the test application printed no banner and prompt within " + timeout.toSeconds()
                    + " s of the reset (wolfBoot did not start it, or it crashed); last output: \"" + e.recent() + "\"");
        }
        String text = m.before() + m.text();
        try {
            return new Boot(TestAppBanner.parse(text), SystemInfo.parse(text), text);
        } catch (UnexpectedOutputException e) {
            throw StepFailure.product("the start-up output is not the test application's: " + e.getMessage());
        }
    }

    /** Makes sure the application is at its prompt: an empty line must be answered by a prompt. */
    public static void atPrompt(Console console, Duration timeout) throws IOException, StepFailure {
        console.discardPending();
        console.send("");
        try {
            console.expect(Console.PROMPT, timeout);
        } catch (ExpectTimeoutException e) {
            throw StepFailure.product("the console answered an empty line with no 'cmd> ' prompt within "
                    + timeout.toMillis() + " ms; last output: \"" + e.recent() + "\"");
        }
    }

    /** Runs {@code info} and parses it. */
    public static SystemInfo info(Console console) throws IOException, StepFailure {
        String out = command(console, "info");
        try {
            return SystemInfo.parse(out);
        } catch (UnexpectedOutputException e) {
            throw StepFailure.product("'info' printed something the rig cannot read: " + e.getMessage());
        }
    }

    /** Runs {@code command} and returns what it printed before the next prompt. */
    public static String command(Console console, String command) throws IOException, StepFailure {
        try {
            return console.command(command, COMMAND_TIMEOUT);
        } catch (ExpectTimeoutException e) {
            throw StepFailure.product("'" + command + "' did not end with a prompt within " + COMMAND_TIMEOUT.toSeconds()
                    + " s; last output: \"" + e.recent() + "\"");
        }
    }
}
