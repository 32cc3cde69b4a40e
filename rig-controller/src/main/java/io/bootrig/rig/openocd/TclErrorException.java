package io.bootrig.rig.openocd;

/** A TCL command ran in OpenOCD and returned an error; carries OpenOCD's own message. */
public final class TclErrorException extends Exception {
    private final String command;
    private final String tclMessage;

    public TclErrorException(String command, String tclMessage) {
        super("OpenOCD: '" + abbreviate(command) + "' failed: " + (tclMessage.isBlank() ? "(no message)" : tclMessage));
        this.command = command;
        this.tclMessage = tclMessage;
    }

    public String command() {
        return command;
    }

    public String tclMessage() {
        return tclMessage;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
