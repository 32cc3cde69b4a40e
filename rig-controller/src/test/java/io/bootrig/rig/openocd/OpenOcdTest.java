package io.bootrig.rig.openocd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenOcdTest {
    @TempDir
    Path tmp;

    @Test
    void startsAnswersAndStopsWithItsWholeTree() throws Exception {
        long pid;
        try (OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings())) {
            pid = ocd.pid();
            assertThat(ocd.version()).isEqualTo("0.12.0");
            assertThat(ocd.call("version")).startsWith("Open On-Chip Debugger 0.12.0");
            assertThat(ocd.call("expr", "6*7")).isEqualTo("42");
            assertThat(ocd.log().text()).contains("Listening on port " + ocd.tclPort() + " for tcl connections");
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> ocd.log().text().contains("telnet server disabled"));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void aTclErrorCarriesOpenOcdsMessage() throws Exception {
        try (OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings())) {
            assertThatThrownBy(() -> ocd.call("no_such_proc", "x")).isInstanceOf(TclErrorException.class)
                    .hasMessageContaining("invalid command name \"no_such_proc\"");
            assertThatThrownBy(() -> ocd.call("error", "flash locked: PGSERR")).isInstanceOf(TclErrorException.class)
                    .satisfies(e -> assertThat(((TclErrorException) e).tclMessage()).isEqualTo("flash locked: PGSERR"));
            assertThat(ocd.call("expr", "1+1")).isEqualTo("2");
        }
    }

    @Test
    void argumentsArriveVerbatimAndCannotInjectCommands() throws Exception {
        Path weird = tmp.resolve("fw v2 [final] $HOME; {x} \"q\" #1.bin");
        Files.write(weird, new byte[] {1, 2, 3});
        try (OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings())) {
            assertThat(ocd.call("file exists", weird.toString())).isEqualTo("1");
            assertThat(ocd.call("file size", weird.toString())).isEqualTo("3");
            for (String s : List.of("a b", "[shutdown]", "$tcl_platform", "x; shutdown", "}{", "\\", "tab\tnew\nline", "",
                    "\"quoted\"", "#comment", "{unbalanced")) {
                assertThat(ocd.call("set", "v", s)).isEqualTo(s);
            }
            assertThat(ocd.isAlive()).isTrue();
        }
    }

    @Test
    void aHungCallTimesOutAndTheNextCallWorks() throws Exception {
        try (OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings())) {
            assertThatThrownBy(() -> ocd.call(Duration.ofMillis(300), "sleep", 2000))
                    .isInstanceOf(OpenOcdException.class).hasMessageContaining("did not answer");
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> ocd.call("expr", "2+3").equals("5"));
        }
    }

    @Test
    void aKilledOpenOcdIsAnInfrastructureFailureAndCanBeRestarted() throws Exception {
        try (OpenOcd ocd = OpenOcd.start(DummyOpenOcd.settings())) {
            long first = ocd.pid();
            int firstPort = ocd.tclPort();
            ProcessHandle.of(first).orElseThrow().destroyForcibly();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !ocd.isAlive());
            assertThatThrownBy(() -> ocd.call("version")).isInstanceOf(OpenOcdException.class)
                    .hasMessageContaining("is not running");
            ocd.restart();
            assertThat(ocd.pid()).isNotEqualTo(first);
            assertThat(ocd.call("expr", "3*3")).isEqualTo("9");
            assertThat(ocd.log().text()).contains("OpenOCD restarted");
            assertThat(firstPort).isPositive();
        }
    }

    @Test
    void twoBoardsUseDifferentPorts() throws Exception {
        try (OpenOcd a = OpenOcd.start(DummyOpenOcd.settings()); OpenOcd b = OpenOcd.start(DummyOpenOcd.settings())) {
            assertThat(a.tclPort()).isNotEqualTo(b.tclPort());
            assertThat(a.call("set", "who", "a")).isEqualTo("a");
            assertThat(b.call("set", "who", "b")).isEqualTo("b");
            assertThat(a.call("set", "who")).isEqualTo("a");
        }
    }

    @Test
    void aJvmThatExitsWithoutClosingLeavesNoOpenOcdBehind() throws Exception {
        String javaExe = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaExe, "-cp", System.getProperty("java.class.path"),
                AbandonedOpenOcdProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Matcher m = Pattern.compile("pid (\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        long pid = Long.parseLong(m.group(1));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
    }

    @Test
    void aMissingExecutableOrBadConfigSaysWhatAndWhere() {
        assertThatThrownBy(() -> OpenOcd.start(OpenOcdSettings.of(tmp.resolve("no-openocd").toString())))
                .isInstanceOf(OpenOcdException.class).hasMessageContaining("apt-get install -y openocd");
        assertThatThrownBy(() -> OpenOcd.start(OpenOcdSettings.of(DummyOpenOcd.executable())
                .file(tmp.resolve("missing.cfg")))).isInstanceOf(OpenOcdException.class)
                .hasMessageContaining("exited with code").hasMessageContaining("missing.cfg");
    }
}
