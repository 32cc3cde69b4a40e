package io.bootrig.rig.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.TestEnvironment;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The repository's Jenkinsfile, parsed with Jenkins' Groovy 2.4, and the checker shown able to fail. */
class JenkinsfileTest {
    private static String jenkinsfile;

    @BeforeAll
    static void read() throws Exception {
        jenkinsfile = Files.readString(TestEnvironment.root().resolve("Jenkinsfile"));
    }

    @Test
    void theJenkinsfileParsesAndHasTheBoardFarmSkeleton() {
        assertThat(JenkinsfileChecker.check("Jenkinsfile", jenkinsfile)).isEmpty();
    }

    @Test
    void aMissingBraceIsASyntaxErrorWithLineAndColumn() {
        int last = jenkinsfile.lastIndexOf('}');
        String broken = jenkinsfile.substring(0, last) + jenkinsfile.substring(last + 1);

        List<String> problems = JenkinsfileChecker.check("Jenkinsfile", broken);

        assertThat(problems).singleElement().asString().matches("Jenkinsfile:\\d+:\\d+: .*'}'.*");
    }

    @Test
    void aJavaLambdaIsASyntaxErrorOnItsLineAsInJenkins() {
        String anchor = "def tested = []\n";
        assertThat(jenkinsfile).contains(anchor);
        int anchorLine = (int) jenkinsfile.substring(0, jenkinsfile.indexOf(anchor)).lines().count();
        String lambda = jenkinsfile.replace(anchor, anchor + "def doubled = [1, 2].collect(x -> x * 2)\n");

        List<String> problems = JenkinsfileChecker.check("Jenkinsfile", lambda);

        assertThat(problems).singleElement().asString()
                .startsWith("Jenkinsfile:" + (anchorLine + 1) + ":")
                .contains("->");
    }

    @Test
    void aGroovyClosureInItsPlaceIsFine() {
        String anchor = "def tested = []\n";
        String closure = jenkinsfile.replace(anchor, anchor + "def doubled = [1, 2].collect { x -> x * 2 }\n");

        assertThat(JenkinsfileChecker.check("Jenkinsfile", closure)).isEmpty();
    }

    static Stream<Arguments> skeletonGaps() {
        return Stream.of(
                Arguments.of("cron('H 2 * * *')", "pollSCM('H 2 * * *')", "triggers { } has no cron(...)"),
                Arguments.of("string(name: 'TAGS'", "string(name: 'GROUPS'", "does not declare TAGS"),
                Arguments.of("variable: 'RIG_BOARD'", "variable: 'HIL_BOARD'", "no lock(label: ..., variable: 'RIG_BOARD')"),
                Arguments.of("lock(label: params.BOARD_LABEL,", "lock(resource: params.BOARD_LABEL,",
                        "no lock(label: ..., variable: 'RIG_BOARD')"),
                Arguments.of("returnStatus: true", "returnStdout: true", "rig health"),
                Arguments.of("-Drig.board=", "-Dboard=", "-Drig.board="),
                Arguments.of("junit(", "echo(", "does not call junit"),
                Arguments.of("allure(", "echo(", "does not call allure"),
                Arguments.of("archiveArtifacts(", "echo(", "does not call archiveArtifacts"),
                Arguments.of("agent {", "environment {", "pipeline { } has no agent"),
                Arguments.of("always {", "success {", "post { } has no always { }"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("skeletonGaps")
    void aMissingPieceOfTheSkeletonIsReported(String piece, String replacement, String expected) {
        assertThat(jenkinsfile).contains(piece);
        String changed = jenkinsfile.replace(piece, replacement);

        List<String> problems = JenkinsfileChecker.check("Jenkinsfile", changed);

        assertThat(problems).isNotEmpty().anySatisfy(p -> assertThat(p).contains(expected));
    }
}
