package io.bootrig.rig.flow;

/**
 * One named step of a flow.
 *
 * @param name     short id (kebab-case), stable for reports and scripts
 * @param title    what it does, in the procedure's words
 * @param writes   whether it changes the board; a dry run runs only the steps that do not
 * @param action   the work; it announces each write through {@link StepContext#write} before doing it
 */
public record Step(String name, String title, boolean writes, Action action) {

    @FunctionalInterface
    public interface Action {
        /** Runs the step; a dry run calls it with {@link StepContext#dryRun()} true on writing steps, which must then only announce. */
        void run(StepContext context) throws Exception;
    }

    public static Step reading(String name, String title, Action action) {
        return new Step(name, title, false, action);
    }

    public static Step writing(String name, String title, Action action) {
        return new Step(name, title, true, action);
    }
}
