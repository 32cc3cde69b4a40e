package io.bootrig.rig.console;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test app printed after an XMODEM {@code update} ended:
 * <pre>
 * End of transfer. ret: 0
 * Transfer succeeded                      (current code; "Transfer failed" when ret != 0; absent in the docs)
 * New firmware version: 0x2               (or "No valid image in update partition")
 * Triggering update...
 * Update written successfully. Reboot to apply.   (current code; docs/flash-OTP.md: "Update completed successfully.")
 * </pre>
 * {@code written} is true for either final wording. {@code flashError}: "Error writing to flash" was printed.
 */
public record UpdateReport(int ret, boolean flashError, OptionalLong newVersion, boolean triggered, boolean written) {
    private static final Pattern END = Pattern.compile("End of transfer\\. ret: (-?\\d+)");
    private static final Pattern VERSION = Pattern.compile("New firmware version: 0x([0-9a-fA-F]+)");
    private static final Pattern WRITTEN = Pattern.compile(
            "Update written successfully\\. Reboot to apply\\.|Update completed successfully\\.");

    public boolean transferSucceeded() {
        return ret == 0;
    }

    public static UpdateReport parse(String text) throws UnexpectedOutputException {
        Matcher end = END.matcher(text);
        if (!end.find()) {
            throw new UnexpectedOutputException("no 'End of transfer. ret: N' in the update output: \""
                    + Escapes.text(text.length() > 200 ? text.substring(0, 200) + "..." : text) + "\"");
        }
        String after = text.substring(end.end());
        Matcher version = VERSION.matcher(after);
        OptionalLong newVersion = version.find()
                ? OptionalLong.of(OutputNumbers.parse(version.group(1), 16, OutputNumbers.U32_MAX,
                        "the update output's 'New firmware version: 0x...'"))
                : OptionalLong.empty();
        String retText = end.group(1);
        boolean negative = retText.startsWith("-");
        long magnitude = OutputNumbers.parse(negative ? retText.substring(1) : retText, 10,
                negative ? -(long) Integer.MIN_VALUE : Integer.MAX_VALUE,
                "the update output's 'End of transfer. ret: " + retText + "' (the app's int, magnitude)");
        int ret = (int) (negative ? -magnitude : magnitude);
        return new UpdateReport(ret, text.contains("Error writing to flash"), newVersion,
                after.contains("Triggering update..."), WRITTEN.matcher(after).find());
    }
}
