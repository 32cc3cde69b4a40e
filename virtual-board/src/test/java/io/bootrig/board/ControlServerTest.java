package io.bootrig.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control protocol over TCP, against an in-process board. */
class ControlServerTest {
    private final AtomicInteger quits = new AtomicInteger();
    private VirtualBoard board;
    private ControlServer server;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        board = VirtualBoard.builder().name("sim-3").console(ConsoleKind.NONE).build();
        server = ControlServer.start(board, quits::incrementAndGet);
        client = ControlClient.connect(server.port());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        board.close();
    }

    @Test
    void statusReportsTheBoard() throws Exception {
        JsonNode status = client.call("status");

        assertThat(status.get("ok").asBoolean()).isTrue();
        assertThat(status.get("name").asText()).isEqualTo("sim-3");
        assertThat(status.get("power").asText()).isEqualTo("on");
        assertThat(status.get("runState").asText()).isEqualTo("RUNNING");
        assertThat(status.get("pc").asText()).matches("0x[0-9A-F]{8}");
        assertThat(status.get("firmware").get("model").asText()).isEqualTo("none");
        assertThat(status.get("leds").get("red").asBoolean()).isFalse();
        assertThat(status.get("banksSwapped").asBoolean()).isFalse();
        assertThat(status.get("trustZone").asBoolean()).isFalse();
        assertThat(status.get("console").get("address").asText()).isEqualTo("none");
        assertThat(status.get("faults")).isEmpty();
    }

    @Test
    void powerOffOnAndCycle() throws Exception {
        long boots = board.bootCount();

        assertThat(client.call("power off").get("power").asText()).isEqualTo("off");
        assertThat(client.call("status").get("firmware").get("state").asText()).isEqualTo("powered off");
        assertThat(client.call("reset").get("error").asText()).contains("powered off");
        assertThat(client.call("power on").get("power").asText()).isEqualTo("on");
        assertThat(client.call("power cycle").get("power").asText()).isEqualTo("on");
        assertThat(client.call("reset").get("ok").asBoolean()).isTrue();

        assertThat(board.bootCount()).isEqualTo(boots + 3);
        assertThat(client.call("power sideways").get("error").asText()).contains("on, off or cycle");
    }

    @Test
    void faultsAreArmedListedAndCleared() throws Exception {
        JsonNode armed = client.call("fault power-cut-at-block 5");
        assertThat(armed.get("faults").get(0).get("kind").asText()).isEqualTo("power-cut-at-block");
        assertThat(armed.get("faults").get(0).get("state").asText()).isEqualTo("armed");
        client.call("fault uart-corrupt 7 both");
        client.call("fault power-cut-during-swap staged");

        JsonNode status = client.call("status");
        assertThat(status.get("faults")).hasSize(3);
        assertThat(status.get("faults").get(1).get("argument").asText()).isEqualTo("7 both");

        JsonNode counted = client.call("fault power-cut-after-flash-ops 1000000");
        assertThat(counted.get("faults").get(3).get("state").asText()).isEqualTo("armed");
        client.call("fault power-cut-after-bytes 1000000");
        JsonNode drop = client.call("fault uart-drop 0.25 99");
        assertThat(drop.get("faults")).hasSize(6);
        assertThat(drop.get("faults").get(5).get("argument").asText()).isEqualTo("0.25 99");
        assertThat(drop.get("faults").get(5).get("state").asText()).isEqualTo("armed");

        assertThat(client.call("fault uart-drop 1.5 1").get("error").asText()).contains("between 0 and 1");
        assertThat(client.call("fault uart-drop 0.5").get("error").asText()).contains("RATE SEED");
        assertThat(client.call("fault power-cut-after-bytes 0").get("error").asText()).contains("at least 1");
        assertThat(client.call("fault uart-corrupt 0").get("error").asText()).contains("at least 1");
        assertThat(client.call("fault power-cut-during-swap later").get("error").asText()).contains("staged");
        assertThat(client.call("fault gremlins").get("error").asText()).contains("unknown fault");
        assertThat(client.call("fault clear").get("faults")).isEmpty();
        assertThat(client.call("fault list").get("faults")).isEmpty();
    }

    @Test
    void unknownCommandsAreErrorsAndQuitAnswersFirst() throws Exception {
        assertThat(client.call("frobnicate").get("ok").asBoolean()).isFalse();
        assertThat(client.call("help").get("usage").asText()).contains("power on|off|cycle");

        assertThat(client.call("quit").get("quitting").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> quits.get() == 1);
    }
}
