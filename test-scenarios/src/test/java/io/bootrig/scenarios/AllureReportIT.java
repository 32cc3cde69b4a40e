package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTML report that allure-maven built in pre-integration-test from this build's scenario results, opened in
 * headless Chromium: the OTP keystore procedure's page shows the flow steps and the attachments, the overview shows
 * the environment and the categories, and a screenshot of the page is kept in target/ for a person to look at.
 */
class AllureReportIT {
    private static final Path BUILD = Path.of(System.getProperty("bootrig.build.directory", "target"));
    private static final Path RESULTS = BUILD.resolve("allure-results");
    private static final Path REPORT = BUILD.resolve("site").resolve("allure-maven-plugin");
    private static final Path SCREENSHOT = BUILD.resolve("allure-report-screenshot.png");
    private static final String SCENARIO = OtpKeystoreProcedureScenario.class.getName();
    private static final List<String> FLOW_STEPS = List.of("preflight", "flash-primer", "verify-otp", "xmodem", "confirm");
    private static final List<String> ATTACHMENTS = List.of("console transcript", "OpenOCD log",
            "OTP dump (hex, UDS masked)", "board identity", "XMODEM timeline");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HeadlessChromium chromium;
    private static StaticFileServer server;
    private static JsonNode testCase;
    private static URI testCasePage;

    @BeforeAll
    static void theReportOfThisBuild() throws IOException {
        chromium = HeadlessChromium.find(BUILD.resolve("chromium"),
                        Duration.ofSeconds(Long.getLong("bootrig.chromium.timeout.seconds", 90)), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("Chromium is not installed ("
                        + (System.getProperty("bootrig.chromium", "").isBlank() ? "no chromium on PATH, no /usr/bin/chromium"
                                : "-Dbootrig.chromium=" + System.getProperty("bootrig.chromium") + " is not an executable")
                        + "). Install Debian's package as root: " + HeadlessChromium.INSTALL + " (.ci/run does this)"));
        JsonNode result = newestScenarioResult();
        if (!Files.isRegularFile(REPORT.resolve("index.html"))) {
            throw new AssertionError("no report at " + REPORT + ": allure-maven's report execution "
                    + "(pre-integration-test) did not run; `mvn -pl test-scenarios allure:report` builds it");
        }
        String[] page = testCaseOf(result);
        testCase = read(REPORT.resolve("data/test-cases/" + page[1] + ".json"));
        server = new StaticFileServer(REPORT);
        testCasePage = server.uri("index.html#suites/" + page[0] + "/" + page[1] + "/");
    }

    @AfterAll
    static void stopServing() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theProcedurePageShowsTheFlowStepsAndTheAttachments() throws Exception {
        long t0 = System.nanoTime();
        String dom = chromium.dumpDom(testCasePage);
        System.out.printf("AllureReportIT: DOM of %s in %d ms%n", testCasePage, (System.nanoTime() - t0) / 1_000_000);

        assertThat(text(dom)).as("the page's title").contains(testCase.path("name").asText());
        List<String> steps = texts(dom, "step__name");
        for (String step : FLOW_STEPS) {
            assertThat(steps).as("step %s on %s", step, testCasePage)
                    .anyMatch(s -> s.matches("\\d+/\\d+ " + Pattern.quote(step) + ": .+"));
        }
        List<String> attachments = texts(dom, "attachment-row__name");
        for (String name : ATTACHMENTS) {
            assertThat(attachments).as("attachment %s on %s", name, testCasePage)
                    .anyMatch(a -> a.equals(name) || a.startsWith(name + " ("));
        }
        Set<String> reportSteps = new HashSet<>();
        Set<String> reportAttachments = new HashSet<>();
        collect(testCase.path("testStage"), reportSteps, reportAttachments);
        assertThat(steps).as("every step of the report's test case").containsAll(reportSteps);
        assertThat(attachments).as("every attachment of the report's test case").containsAll(reportAttachments);
    }

    @Test
    void theOverviewShowsTheEnvironmentAndTheCategories() throws Exception {
        String dom = chromium.dumpDom(server.uri("index.html"));

        Properties env = new Properties();
        try (Reader r = Files.newBufferedReader(RESULTS.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            env.load(r);
        }
        assertThat(env.getProperty("keystore.sha256")).matches("[0-9a-f]{64}");
        Map<String, String> shown = new LinkedHashMap<>();
        List<String> cols = texts(widget(dom, "environment"), "table__col");
        for (int i = 0; i + 1 < cols.size(); i += 2) {
            shown.put(cols.get(i), cols.get(i + 1));
        }
        assertThat(shown).as("the environment widget")
                .containsEntry("openocd", env.getProperty("openocd"))
                .containsEntry("keystore.sha256", env.getProperty("keystore.sha256"));

        JsonNode categories = read(REPORT.resolve("data/categories.json")).path("children");
        String widget = widget(dom, "categories");
        assertThat(texts(widget, "widget__subtitle")).as("the categories widget")
                .singleElement(InstanceOfAssertFactories.STRING)
                .matches(categories.size() + " items? total");
        for (JsonNode c : categories) {
            assertThat(texts(widget, "table__col")).contains(c.path("name").asText());
        }
    }

    @Test
    void aScreenshotOfTheProcedurePage() throws Exception {
        long t0 = System.nanoTime();
        chromium.screenshot(testCasePage, SCREENSHOT, 1400, 1000);
        System.out.printf("AllureReportIT: %s in %d ms%n", SCREENSHOT, (System.nanoTime() - t0) / 1_000_000);

        BufferedImage png = ImageIO.read(SCREENSHOT.toFile());
        assertThat(png).as("%s is a PNG", SCREENSHOT).isNotNull();
        assertThat(png.getWidth()).isEqualTo(1400);
        assertThat(png.getHeight()).isEqualTo(1000);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < png.getHeight(); y += 10) {
            for (int x = 0; x < png.getWidth(); x += 10) {
                colours.add(png.getRGB(x, y));
            }
        }
        assertThat(colours).as("a rendered page, not a blank one").hasSizeGreaterThan(20);
    }

    /** The newest OtpKeystoreProcedureScenario result, which must come from this build. */
    private static JsonNode newestScenarioResult() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        if (Files.isDirectory(RESULTS)) {
            try (Stream<Path> files = Files.list(RESULTS)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                    JsonNode r = read(f);
                    if (r.path("fullName").asText().startsWith(SCENARIO + ".")) {
                        results.add(r);
                    }
                }
            }
        }
        JsonNode newest = results.stream().max(Comparator.comparingLong(r -> r.path("stop").asLong()))
                .orElseThrow(() -> new AssertionError(RESULTS + " has no result of " + SCENARIO
                        + ": the scenarios did not run in this build (-Dtest=... left it out?). Run `mvn -B verify` "
                        + "without -Dtest, or with -Dtest=OtpKeystoreProcedureScenario"));
        Optional<Instant> buildStarted = Optional.ofNullable(System.getProperty("bootrig.build.started"))
                .filter(s -> !s.isBlank()).map(Instant::parse);
        Instant stopped = Instant.ofEpochMilli(newest.path("stop").asLong());
        if (buildStarted.isPresent() && stopped.isBefore(buildStarted.get())) {
            throw new AssertionError("the newest " + SCENARIO + " result in " + RESULTS + " is from an earlier build ("
                    + stopped + ", this build started " + buildStarted.get() + "): the scenarios did not run in this "
                    + "build (-Dtest=... left it out?)");
        }
        return newest;
    }

    /** {parentUid, uid} of the report's test case for that result, found through data/suites.json. */
    private static String[] testCaseOf(JsonNode result) throws IOException {
        List<JsonNode> leaves = new ArrayList<>();
        leaves(read(REPORT.resolve("data/suites.json")), leaves);
        for (JsonNode leaf : leaves) {
            JsonNode tc = read(REPORT.resolve("data/test-cases/" + leaf.path("uid").asText() + ".json"));
            if (tc.path("fullName").asText().equals(result.path("fullName").asText())
                    && tc.path("time").path("stop").asLong() == result.path("stop").asLong()) {
                return new String[] {leaf.path("parentUid").asText(), leaf.path("uid").asText()};
            }
        }
        throw new AssertionError("the report in " + REPORT + " has no test case " + result.path("fullName").asText()
                + " that ended at " + Instant.ofEpochMilli(result.path("stop").asLong()) + ": it was built before "
                + "the scenario ran (allure-maven's report execution is bound to pre-integration-test)");
    }

    private static void leaves(JsonNode node, List<JsonNode> into) {
        if (node.has("children")) {
            node.path("children").forEach(c -> leaves(c, into));
        } else if (node.has("parentUid")) {
            into.add(node);
        }
    }

    private static void collect(JsonNode stage, Set<String> steps, Set<String> attachments) {
        stage.path("attachments").forEach(a -> attachments.add(squash(a.path("name").asText())));
        stage.path("steps").forEach(s -> {
            steps.add(squash(s.path("name").asText()));
            collect(s, steps, attachments);
        });
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    /** One overview widget's markup: from its data-id to the next widget. */
    private static String widget(String dom, String id) {
        int from = dom.indexOf("data-id=\"" + id + "\"");
        assertThat(from).as("the %s widget on the overview", id).isNotNegative();
        int to = dom.indexOf("data-id=\"", from + 1);
        return dom.substring(from, to < 0 ? dom.length() : to);
    }

    /** The text of every element whose class list holds {@code cls}. */
    private static List<String> texts(String html, String cls) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\bclass=\"(?:[^\"]*\\s)?" + Pattern.quote(cls)
                + "(?:\\s[^\"]*)?\"[^>]*>(.*?)</\\1>", Pattern.DOTALL).matcher(html);
        List<String> texts = new ArrayList<>();
        while (m.find()) {
            texts.add(text(m.group(2)));
        }
        return texts;
    }

    private static String text(String html) {
        String t = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ").replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
        return squash(t);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
