package io.bootrig.rig.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.RigHome;
import io.bootrig.rig.TestEnvironment;
import io.bootrig.rig.inventory.TestHomes;
import io.bootrig.rig.sim.VirtualBoardProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `rig qualify` on private virtual boards (unpaced consoles) through the real OpenOCD. */
class QualifyCommandTest {
    private static final Path ROOT = TestEnvironment.root();
    private static final Path LMS = ROOT.resolve("fixtures/wolfboot/lms");
    private static final String KEYSTORE = LMS.resolve("keystore.c").toString();
    private static final Path IMAGES = ROOT.resolve("fixtures/virtual-board");

    @TempDir
    Path tmp;

    private RigHome home;

    @BeforeEach
    void home() {
        TestEnvironment.openocd();
        home = TestHomes.under(tmp, Map.of("PATH", System.getenv("PATH")));
    }

    @AfterEach
    void noBoardLeftRunning() throws Exception {
        for (Path board : new Path[] {tmp.resolve("work/board"), tmp.resolve("keeper")}) {
            var running = VirtualBoardProcess.running(board);
            if (running.isPresent()) {
                VirtualBoardProcess.stop(running.get());
            }
        }
    }

    @Test
    void qualifiesTheLmsTestKeystoreWithItsTwoKeys() throws Exception {
        // LMS signing advances the key file: only copies are ever used
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        Path key0 = Files.copy(LMS.resolve("lms_key0_all.der"), keys.resolve("lms_key0_all.der"));
        Path key1 = Files.copy(LMS.resolve("lms_key1_id123.der"), keys.resolve("lms_key1_id123.der"));
        byte[] committed0 = Files.readAllBytes(LMS.resolve("lms_key0_all.der"));
        Path work = tmp.resolve("work");

        Rig r = Rig.runIn(home, "qualify", KEYSTORE, "--key", key0.toString(), "--key", key1.toString(), "--work",
                work.toString(), "--baud", "unpaced");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("verdict: QUALIFIED - all 26 cases passed", "OTP slot 1: LMS, mask 0x0000000E");
        JsonNode report = new ObjectMapper().readTree(work.resolve("qualification.json").toFile());
        assertThat(report.get("verdict").asText()).isEqualTo("QUALIFIED");
        assertThat(report.at("/keystore/sha256").asText()).hasSize(64);
        assertThat(report.at("/keystore/slots/1/keyFile").asText()).isEqualTo(key1.toString());
        assertThat(report.get("otp")).hasSize(2).allMatch(s -> s.get("matches").asBoolean()
                && s.get("otpSha256").asText().equals(s.get("keystoreSha256").asText()));
        assertThat(report.get("plan").toString()).contains("DUALBANK_SWAP", "does not require id 1");

        List<String> rows = new ArrayList<>();
        long lastAccepted = 1;
        for (JsonNode c : report.get("cases")) {
            assertThat(c.get("verdict").asText()).as(c.toString()).isEqualTo("pass");
            rows.add(c.get("name").asText() + " " + c.get("keySlot").asText() + " " + c.get("partitionId").asText() + " "
                    + c.get("maskAllows").asText() + " " + c.get("expected").asText() + " "
                    + c.at("/observed/taken").asBoolean());
            if (c.get("expected").asText().equals("accept")) {
                long version = c.get("imageVersion").asLong();
                assertThat(version).isGreaterThan(lastAccepted);
                assertThat(c.at("/observed/versionAfter").asLong()).isEqualTo(version);
                assertThat(c.at("/observed/stateAfter").asText()).isEqualTo("TESTING");
                assertThat(c.at("/observed/confirmed").asText()).isEqualTo("CONFIRMED");
                lastAccepted = version;
            } else {
                assertThat(c.at("/observed/versionAfter").asLong()).isEqualTo(lastAccepted);
                assertThat(c.at("/observed/stateAfter").asText()).isEqualTo("CONFIRMED");
            }
        }
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < 16; id++) {
            expected.add("slot0-id" + id + " 0 " + id + " true accept true");
        }
        for (int id = 1; id <= 3; id++) {
            expected.add("slot1-id" + id + " 1 " + id + " true accept true");
        }
        expected.addAll(List.of("slot1-id0-forbidden 1 0 false reject false", "slot1-id4-forbidden 1 4 false reject false",
                "wrong-key null 1 null reject false", "tampered-payload 0 1 true reject false",
                "bad-signature 0 1 true reject false", "downgrade 0 1 true reject false",
                "equal-version 0 1 true reject false"));
        assertThat(rows).containsExactlyElementsOf(expected);
        assertThat(report.at("/cases/21/predicted").asText()).startsWith("rejected: unknown-key");
        assertThat(report.at("/cases/22/predicted").asText()).startsWith("rejected: integrity");
        assertThat(report.at("/cases/23/predicted").asText()).startsWith("rejected: signature");
        assertThat(report.at("/cases/24/imageVersion").asLong()).isEqualTo(lastAccepted - 1);
        assertThat(report.at("/cases/25/imageVersion").asLong()).isEqualTo(lastAccepted);

        try (Stream<Path> allure = Files.list(work.resolve("allure-results"))) {
            assertThat(allure.filter(p -> p.toString().endsWith("-result.json")).count()).isEqualTo(27);
        }
        assertThat(Files.readAllBytes(LMS.resolve("lms_key0_all.der"))).as("the committed key").isEqualTo(committed0);
        assertThat(Files.readAllBytes(key0)).as("the copy signed, so its state advanced").isNotEqualTo(committed0);
        assertThat(VirtualBoardProcess.running(work.resolve("board"))).as("the private board is stopped").isEmpty();
        for (Path key : new Path[] {key0, key1}) {
            String seed = HexFormat.of().formatHex(Arrays.copyOfRange(Files.readAllBytes(key), 16, 48));
            for (Path f : new Path[] {work.resolve("qualification.json"), work.resolve("transcript.txt")}) {
                assertThat(Files.readString(f)).as(f + " holds no private key bytes").doesNotContain(seed);
            }
            assertThat(r.out()).doesNotContain(seed);
        }
    }

    @Test
    void anImageExpectedToBeAcceptedButRejectedIsNotQualified() throws Exception {
        Path work = tmp.resolve("work");
        Rig r = Rig.runIn(home, "qualify", KEYSTORE, "--image",
                IMAGES.resolve("image_v2_bad_signature_signed.bin") + "=accept", "--boot-image",
                IMAGES.resolve("image_v1_signed.bin").toString(), "--work", work.toString(), "--baud", "unpaced", "--json");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.REJECTED);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("verdict").asText()).isEqualTo("NOT QUALIFIED");
        assertThat(report.get("mode").asText()).isEqualTo("images");
        JsonNode row = report.at("/cases/0");
        assertThat(row.get("name").asText()).isEqualTo("image1-v2-bad-signature");
        assertThat(row.get("expected").asText()).isEqualTo("accept");
        assertThat(row.get("verdict").asText()).isEqualTo("fail");
        assertThat(row.at("/observed/taken").asBoolean()).isFalse();
        assertThat(row.at("/observed/versionAfter").asLong()).isEqualTo(1);
        assertThat(row.get("detail").asText()).startsWith("expected accept, observed v1 NEW (not taken)");
        assertThat(row.get("predicted").asText()).startsWith("rejected: signature");
        assertThat(r.err()).contains("verdict: NOT QUALIFIED - 1 of 1 cases failed (image1-v2-bad-signature)");
    }

    @Test
    void aBoardNotTaggedSacrificialIsRefusedBeforeItsOtpIsWritten() throws Exception {
        Path boards = Files.createDirectories(tmp.resolve("boards"));
        Files.writeString(boards.resolve("keeper.yaml"), String.join("\n", "name: keeper", "kind: virtual",
                "console: virtual", "power: virtual", "openocd:", "  interface: interface/virtual-board.cfg",
                "wolfboot-config: " + TestHomes.lmsConfig(), "tags:", "  sacrificial: false",
                "state-directory: " + tmp.resolve("keeper"), ""));
        Path run = tmp.resolve("run");
        Rig r = Rig.runIn(home, "qualify", KEYSTORE, "--key", tmp.resolve("absent.der").toString(), "--board", "keeper");
        assertThat(r.exit()).as("a missing key file is bad input").isEqualTo(ExitCode.BAD_INPUT);

        Path key0 = Files.copy(LMS.resolve("lms_key0_all.der"), tmp.resolve("lms_key0_all.der"));
        r = Rig.runIn(home, "qualify", KEYSTORE, "--key", key0.toString(), "--board", "keeper", "--run-dir",
                run.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.REJECTED);
        JsonNode report = new ObjectMapper().readTree(run.resolve("qualification.json").toFile());
        assertThat(report.get("verdict").asText()).isEqualTo("NOT QUALIFIED");
        assertThat(report.get("failure").asText()).isEqualTo("refused");
        assertThat(report.get("reason").asText()).contains("'preflight'", "--confirm-otp", "nothing was written");
        assertThat(report.at("/keystore/slots/1/exercised").asBoolean()).isFalse();
        assertThat(report.get("plan").toString()).contains("slot 1 (mask 0x0000000E): NOT EXERCISED");
        assertThat(report.get("cases")).allMatch(c -> c.get("verdict").asText().equals("not run"));
        assertThat(Rig.runIn(home, "otp", "read", "--board", "keeper").out()).contains("keeper: OTP blank");
    }

    @Test
    void refusesInputsItCannotUse() {
        Rig neither = Rig.runIn(home, "qualify", KEYSTORE);
        assertThat(neither.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(neither.err()).contains("give either --key FILE (one per slot) or --image FILE=accept|reject");
        Rig foreign = Rig.runIn(home, "qualify", KEYSTORE, "--key",
                ROOT.resolve("fixtures/wolfboot/ecc256/ecc256_key0_all.der").toString());
        assertThat(foreign.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(foreign.err()).contains("expected LMS");
        Rig badImage = Rig.runIn(home, "qualify", KEYSTORE, "--image", IMAGES.resolve("image_v2_signed.bin") + "=maybe",
                "--boot-image", IMAGES.resolve("image_v1_signed.bin").toString());
        assertThat(badImage.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(badImage.err()).contains("expected FILE=accept or FILE=reject");
    }
}
