package io.bootrig.rig.inventory;

import static io.bootrig.rig.FuzzChecks.documented;
import static io.bootrig.rig.FuzzChecks.require;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.wolfboot.FormatException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One board YAML file on any bytes ({@link BoardFile#parse}, what {@link Inventory#load} reads each
 * file with): a board or a {@link FormatException} naming the file and the field. The file sits in
 * the repository's board-configs/boards/ (so relative wolfboot-config and interface paths resolve as
 * for the committed boards) and is named after the board the text names, so the name check passes
 * and the fields after it are reached; bytes that are not UTF-8 are refused by the read, as
 * Files.readString refuses them.
 */
class BoardFileFuzzTest {
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^name:[ \\t]*[\"']?([A-Za-z0-9][A-Za-z0-9._-]{0,62})");
    private static final RigHome HOME = RigHome.of(TestEnvironment.root(), Map.of(
            "RIG_BOARDS_DIR", TestEnvironment.root().resolve("board-configs/boards").toString(),
            "XDG_STATE_HOME", "/nonexistent/bootrig-fuzz-state"));

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return;
        }
        Matcher m = NAME_LINE.matcher(text);
        Path file = HOME.boardsDirectory().resolve((m.find() ? m.group(1) : "nucleo-01") + ".yaml");
        BoardSpec board;
        try {
            board = BoardFile.parse(HOME, file, text);
        } catch (FormatException e) {
            documented(e, file.toAbsolutePath().normalize().toString());
            return;
        }
        require(BoardFile.NAME.matcher(board.name()).matches(), "accepted the board name '" + board.name() + "'");
        board.toString();
    }
}
