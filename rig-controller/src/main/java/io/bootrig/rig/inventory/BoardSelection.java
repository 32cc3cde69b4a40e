package io.bootrig.rig.inventory;

import io.bootrig.wolfboot.FormatException;
import java.util.Map;
import java.util.Optional;

/**
 * Which board a command works on: {@code --board}, else {@code RIG_BOARD}, else {@code sim}.
 *
 * @param board               the board
 * @param origin              where the name came from: "--board", "RIG_BOARD" or "default"
 * @param handedOverByJenkins Jenkins locked the board for this build (RIG_BOARD names it, and BUILD_TAG or JENKINS_URL
 *                            is set): its lockable-resources lock is the lease, so the rig takes no lease file of its own
 * @param jenkinsBuild        BUILD_TAG (else JENKINS_URL) when handed over by Jenkins
 */
public record BoardSelection(BoardSpec board, String origin, boolean handedOverByJenkins, Optional<String> jenkinsBuild) {

    /** @param boardOption the {@code --board} value, or null when not given */
    public static BoardSelection select(Inventory inventory, String boardOption, Map<String, String> env)
            throws FormatException {
        Optional<String> rigBoard = variable(env, "RIG_BOARD");
        String origin;
        String name;
        if (boardOption != null) {
            origin = "--board";
            name = boardOption;
        } else if (rigBoard.isPresent()) {
            origin = "RIG_BOARD";
            name = rigBoard.get();
        } else {
            origin = "default";
            name = SimNames.SIM;
        }
        BoardSpec board;
        try {
            board = inventory.resolve(name);
        } catch (FormatException e) {
            throw new FormatException(origin, "board", e.problem() + " (inventory: " + e.source() + ")", e);
        }
        Optional<String> build = variable(env, "BUILD_TAG").or(() -> variable(env, "JENKINS_URL"));
        boolean jenkins = rigBoard.filter(name::equals).isPresent() && build.isPresent();
        return new BoardSelection(board, origin, jenkins, jenkins ? build : Optional.empty());
    }

    private static Optional<String> variable(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
