package io.bootrig.rig.console;

import static io.bootrig.rig.link.LinkReads.readUpTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.bootrig.rig.console.TranscriptEntry.Direction;
import io.bootrig.rig.console.TranscriptEntry.Mode;
import io.bootrig.rig.link.ByteLink;
import io.bootrig.rig.link.LinkLostException;
import io.bootrig.rig.link.SerialEndpoint;
import io.bootrig.rig.link.SerialSettings;
import io.bootrig.rig.link.SocatPtyPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SocatPtyPair pty;
    private ByteLink board;
    private RecordingSink recording;
    private Console console;

    @BeforeEach
    void open() throws Exception {
        pty = SocatPtyPair.start(dir);
        board = boardEndpoint().open();
        recording = new RecordingSink();
        console = Console.open(new SerialEndpoint(pty.a().toString(), SerialSettings.DEFAULT), Duration.ZERO,
                Transcript.to(recording));
    }

    @AfterEach
    void close() {
        console.close();
        board.close();
        pty.close();
    }

    private SerialEndpoint boardEndpoint() {
        return new SerialEndpoint(pty.b().toString(), SerialSettings.DEFAULT);
    }

    private void boardSays(String text) throws Exception {
        board.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String boardHeard(int count) throws Exception {
        return new String(readUpTo(board, count, WAIT), StandardCharsets.ISO_8859_1);
    }

    @Test
    void expectMatchesAcrossPartialLines() throws Exception {
        boardSays("Versi");
        assertThatThrownBy(() -> console.expect("Version : 0x1\r\n", Duration.ofMillis(200)))
                .isInstanceOf(ExpectTimeoutException.class);
        boardSays("on : 0");
        boardSays("x1\r");
        boardSays("\nrest");
        ConsoleMatch m = console.expect(Pattern.compile("Version : 0x(\\d+)\\r\\n"), WAIT);
        assertThat(m.group(1)).isEqualTo("1");
        assertThat(m.before()).isEmpty();
        assertThat(console.expect("rest", WAIT).before()).isEmpty();
    }

    @Test
    void garbageBytesDoNotStopAMatchAndAreEscapedInTheTranscript() throws Exception {
        boardSays("\u0000\u00ff\u001b[2J\u0080noise\r\ncmd> ");
        ConsoleMatch m = console.expect("cmd> ", WAIT);
        assertThat(m.before()).isEqualTo("\u0000\u00ff\u001b[2J\u0080noise\r\n");
        String received = String.join("", recording.entries().stream()
                .filter(e -> e.direction() == Direction.IN).map(TranscriptEntry::text).toList());
        assertThat(received).isEqualTo("\\x00\\xff\\x1b[2J\\x80noise\\r\\ncmd> ");
    }

    @Test
    void aTimeoutSaysWhatWhereHowLongAndTheLastCharsReceived() throws Exception {
        String lots = "x".repeat(300) + "the tail\r\n";
        boardSays(lots);
        console.expect("the tail", WAIT);
        assertThatThrownBy(() -> console.expect(Pattern.compile("Version : 0x\\d+"), Duration.ofMillis(300)))
                .isInstanceOf(ExpectTimeoutException.class)
                .hasMessageContaining("timed out after 300 ms")
                .hasMessageContaining("/Version : 0x\\d+/")
                .hasMessageContaining(pty.a().toString())
                .hasMessageContaining("x".repeat(188) + "the tail\\r\\n\"")
                .hasMessageNotContaining("x".repeat(191))
                .satisfies(e -> assertThat(((ExpectTimeoutException) e).recent()).endsWith("the tail\\r\\n"));
    }

    @Test
    void sendEndsTheLineWithCrAndIsTranscribedBeforeTheReply() throws Exception {
        console.marker("step: say hello");
        console.send("hello");
        assertThat(boardHeard(6)).isEqualTo("hello\r");
        boardSays("hello\r\n");
        console.expect("hello\r\n", WAIT);
        assertThat(recording.entries()).extracting(TranscriptEntry::direction)
                .containsSubsequence(Direction.MARKER, Direction.MARKER, Direction.OUT, Direction.IN);
        assertThat(recording.entries()).filteredOn(e -> e.direction() == Direction.MARKER)
                .extracting(TranscriptEntry::marker).contains("step: say hello");
    }

    @Test
    void aVanishingPortEndsAWaitingExpectWithLinkLostAndReconnectWorksWithinTheBoundedWait() throws Exception {
        CompletableFuture<ConsoleMatch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return console.expect("never printed", Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        board.close();
        pty.kill();
        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().cause().isInstanceOf(LinkLostException.class)
                .hasMessageContaining(pty.a().toString()).hasMessageContaining("(while waiting for \"never printed\")");
        assertThatThrownBy(() -> console.expect("x", WAIT)).isInstanceOf(LinkLostException.class);

        CompletableFuture<Void> reconnect = CompletableFuture.runAsync(() -> {
            try {
                console.reconnect(Duration.ofSeconds(30));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pty.restart();
        reconnect.get(40, TimeUnit.SECONDS);
        board = boardEndpoint().open();
        boardSays("back again\r\n");
        assertThat(console.expect("back again", WAIT).text()).isEqualTo("back again");
        assertThat(recording.entries()).filteredOn(e -> e.direction() == Direction.MARKER)
                .extracting(TranscriptEntry::marker)
                .anyMatch(m -> m.startsWith("link lost: "))
                .anyMatch(m -> m.startsWith("link reopened: "));
    }

    @Test
    void theByteViewTakesOverWithoutLosingBytesAndHandsBack() throws Exception {
        boardSays("Erasing update partition...Done.\r\nWaiting for XMODEM transfer...\r\n\u0015");
        console.expect("Waiting for XMODEM transfer...\r\n", WAIT);
        try (ByteLink view = console.asByteLink()) {
            assertThatThrownBy(() -> console.expect("x", WAIT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("byte view");
            assertThatThrownBy(() -> console.send("x")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(console::asByteLink).isInstanceOf(IllegalStateException.class);
            byte[] one = new byte[1];
            assertThat(view.read(one, 0, 1, WAIT)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) 0x15);
            view.write(new byte[] {0x01, 0x01, (byte) 0xFE});
            assertThat(readUpTo(board, 3, WAIT)).containsExactly(0x01, 0x01, 0xFE);
            boardSays("\u0006\r\r\rEnd of transfer. ret: 0\r\n");
            assertThat(view.read(one, 0, 1, WAIT)).isEqualTo(1);
            assertThat(one[0]).isEqualTo((byte) 0x06);
        }
        ConsoleMatch end = console.expect(Pattern.compile("End of transfer\\. ret: (-?\\d+)"), WAIT);
        assertThat(end.before()).isEqualTo("\r\r\r");
        assertThat(recording.entries()).filteredOn(e -> e.direction() == Direction.OUT && e.mode() == Mode.BINARY)
                .extracting(TranscriptEntry::text).containsExactly("\\x01\\x01\\xfe");
        assertThat(recording.entries()).filteredOn(e -> e.direction() == Direction.MARKER)
                .extracting(TranscriptEntry::marker).contains("byte view opened (binary)", "byte view closed");
    }

    @Test
    void closeStopsTheReaderAndReleasesThePort() throws Exception {
        await().atMost(WAIT).until(() -> readerThreads() == 1);
        console.close();
        assertThat(readerThreads()).isZero();
        new SerialEndpoint(pty.a().toString(), SerialSettings.DEFAULT).open().close();
        console.close();
    }

    @Test
    void closingWakesAWaitingExpect() throws Exception {
        CompletableFuture<ConsoleMatch> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return console.expect("never printed", Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(WAIT).until(ConsoleTest::threadWaitingInExpect);
        console.close();
        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).cause().cause()
                .isInstanceOf(java.io.IOException.class).isNotInstanceOf(LinkLostException.class)
                .hasMessageContaining("the console was closed");
    }

    private static boolean threadWaitingInExpect() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> java.util.Arrays.stream(stack)
                .anyMatch(f -> f.getClassName().equals(ReceiveBuffer.class.getName()) && f.getMethodName().equals("awaitMatch")));
    }

    @Test
    void aConsoleOverAnOpenLinkCannotReconnect() throws Exception {
        console.close();
        try (Console over = Console.over(new SerialEndpoint(pty.a().toString(), SerialSettings.DEFAULT).open(),
                Transcript.to(recording))) {
            assertThatThrownBy(() -> over.reconnect(WAIT)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no endpoint");
        }
    }

    static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("console-reader") && t.isAlive()).count();
    }
}
