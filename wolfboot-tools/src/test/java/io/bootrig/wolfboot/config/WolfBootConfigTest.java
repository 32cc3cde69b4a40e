package io.bootrig.wolfboot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bootrig.wolfboot.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WolfBootConfigTest {

    private static WolfBootConfig parse(String text) throws FormatException {
        return WolfBootConfig.parse("t.config", text);
    }

    @Test
    void readsTheExampleInOrderWithEveryKey() throws Exception {
        WolfBootConfig c = WolfBootConfig.read(ExampleConfigs.path(ExampleConfigs.LMS));
        assertThat(c.source()).isEqualTo(ExampleConfigs.LMS);
        assertThat(c.entries()).hasSize(40);
        assertThat(c.entries().keySet()).startsWith("ARCH", "TZEN", "TARGET", "SIGN", "HASH")
                .endsWith("LMS_LEVELS", "LMS_HEIGHT", "LMS_WINTERNITZ", "IMAGE_SIGNATURE_SIZE", "IMAGE_HEADER_SIZE");
        assertThat(c.get("WOLFBOOT_KEYVAULT_ADDRESS")).contains("0x0C040000");
        assertThat(c.get("NO_MPU")).contains("1");
        assertThat(c.get("MISSING")).isEmpty();
        assertThat(c.assignment("LMS_LEVELS")).get()
                .isEqualTo(new ConfigAssignment(38, "LMS_LEVELS", AssignmentOperator.SET, "2"));
        assertThat(c.assignment("TZEN").get().operator()).isEqualTo(AssignmentOperator.DEFAULT);
    }

    @Test
    void laterPlainAssignmentOverridesButConditionalDoesNot() throws Exception {
        WolfBootConfig c = parse("A?=1\nA?=2\nB=1\nB=2\nC=1\nC?=2\nD?=1\nD=2\nE=1\nE:=3\n");
        assertThat(c.get("A")).contains("1");
        assertThat(c.get("B")).contains("2");
        assertThat(c.get("C")).contains("1");
        assertThat(c.get("D")).contains("2");
        assertThat(c.get("E")).contains("3");
        assertThat(c.assignment("C").get().line()).isEqualTo(5);
        assertThat(c.assignments()).hasSize(10);
        assertThat(c.entries().keySet()).containsExactly("A", "B", "C", "D", "E");
    }

    @Test
    void appendAddsAfterASpace() throws Exception {
        WolfBootConfig c = parse("X=a\nX+=b\nY+=c\n");
        assertThat(c.get("X")).contains("a b");
        assertThat(c.get("Y")).contains("c");
    }

    @Test
    void acceptsSpacesCommentsCrlfAndBlankLines() throws Exception {
        String text = "\uFEFF# header\r\n\r\n  KEY ?= 0x10   # trailing\r\nOTHER\t=\tvalue with spaces\r\n"
                + "   # indented comment\rEMPTY=\nHASHED=a\\#b\nCOLON := 7\n\n";
        WolfBootConfig c = parse(text);
        assertThat(c.entries()).containsExactly(
                org.assertj.core.api.Assertions.entry("KEY", "0x10"),
                org.assertj.core.api.Assertions.entry("OTHER", "value with spaces"),
                org.assertj.core.api.Assertions.entry("EMPTY", ""),
                org.assertj.core.api.Assertions.entry("HASHED", "a#b"),
                org.assertj.core.api.Assertions.entry("COLON", "7"));
        assertThat(c.number("KEY")).isEqualTo(16);
        assertThat(c.assignment("KEY").get().line()).isEqualTo(3);
        assertThat(c.assignment("EMPTY").get().line()).isEqualTo(6);
        assertThat(c.assignment("COLON").get().operator()).isEqualTo(AssignmentOperator.IMMEDIATE);
    }

    @Test
    void crlfExampleGivesTheSameEntries() throws Exception {
        String lf = ExampleConfigs.lms();
        WolfBootConfig a = parse(lf);
        WolfBootConfig b = parse(lf.replace("\n", "\r\n"));
        assertThat(b.entries()).isEqualTo(a.entries());
        assertThat(b.layout()).isEqualTo(a.layout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"JUSTAWORD", "=1", "  = 1", "?=1", "MY KEY=1", "export X=1", "X!=ls", "KEY-1=2",
            "ifeq ($(A),1)", "A.B=1", "K\u00e9Y=1", "X::=1"})
    void malformedLinesNameTheirLine(String bad) {
        String text = "# c\nA=1\n\n" + bad + "\nB=2\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("t.config");
                    assertThat(e.field()).isEqualTo("line 4");
                    assertThat(e.getMessage()).startsWith("t.config: line 4: ");
                });
    }

    @Test
    void malformedLineNumbersCountCrlfAndLoneCrLines() {
        assertThatThrownBy(() -> parse("A=1\r\nB=2\rC=3\r\nbroken\r\n"))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.field()).isEqualTo("line 4"));
    }

    @Test
    void numbersAreHexOrDecimal() throws Exception {
        WolfBootConfig c = parse("H=0x0C040000\nU=0XfF\nD=8192\nZ=0\nBIG=0x7FFFFFFFFFFFFFFF\n");
        assertThat(c.number("H")).isEqualTo(0x0C040000L);
        assertThat(c.number("U")).isEqualTo(255);
        assertThat(c.number("D")).isEqualTo(8192);
        assertThat(c.number("Z")).isZero();
        assertThat(c.number("BIG")).isEqualTo(Long.MAX_VALUE);
        assertThat(c.optionalNumber("NONE")).isEqualTo(OptionalLong.empty());
        assertThat(c.number("NONE", 42)).isEqualTo(42);
        assertThat(c.intNumber("D")).isEqualTo(8192);
        assertThat(c.intNumber("NONE", 7)).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0x", "0xG1", "-1", "+1", "010", "1.5", "0x10U", "", "1 2", "0x10000000000000000",
            "99999999999999999999", "\u0661\u0662"})
    void nonNumbersNameTheKeyAndLine(String value) throws Exception {
        WolfBootConfig c = parse("A=1\nWOLFBOOT_SECTOR_SIZE=" + value + "\n");
        assertThatThrownBy(() -> c.number("WOLFBOOT_SECTOR_SIZE"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("WOLFBOOT_SECTOR_SIZE");
                    assertThat(e.problem()).contains("line 2").contains("not a number");
                });
    }

    @Test
    void missingRequiredValueNamesTheKey() throws Exception {
        WolfBootConfig c = parse("A=1\n");
        assertThatThrownBy(() -> c.number("WOLFBOOT_PARTITION_SIZE"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.field()).isEqualTo("WOLFBOOT_PARTITION_SIZE"));
        assertThatThrownBy(() -> c.require("TARGET"))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.field()).isEqualTo("TARGET"));
        assertThat(c.require("A")).isEqualTo("1");
    }

    @Test
    void intNumberRejectsValuesBeyondInt() throws Exception {
        WolfBootConfig c = parse("IMAGE_HEADER_SIZE=0x80000000\n");
        assertThatThrownBy(() -> c.intNumber("IMAGE_HEADER_SIZE"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.field()).isEqualTo("IMAGE_HEADER_SIZE"));
    }

    @Test
    void flagsAreZeroOrOne() throws Exception {
        WolfBootConfig c = parse("ON=1\nOFF=0\nODD=yes\nBLANK=\n");
        assertThat(c.flag("ON", false)).isTrue();
        assertThat(c.flag("OFF", true)).isFalse();
        assertThat(c.flag("ABSENT", true)).isTrue();
        for (String key : List.of("ODD", "BLANK")) {
            assertThatThrownBy(() -> c.flag(key, false))
                    .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.field()).isEqualTo(key));
        }
    }

    @Test
    void readUsesTheFileNameAsSource(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("my.config");
        Files.writeString(f, "A=1\nbad line\n");
        assertThatThrownBy(() -> WolfBootConfig.read(f))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("my.config");
                    assertThat(e.field()).isEqualTo("line 2");
                });
    }

    @Test
    void resultIsImmutable() throws Exception {
        WolfBootConfig c = parse("A=1\n");
        assertThatThrownBy(() -> c.entries().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.assignments().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
