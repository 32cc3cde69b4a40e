package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.qualify.CaseVerdict;
import io.bootrig.rig.qualify.QualificationFirmware;
import io.bootrig.rig.qualify.QualificationFlow;
import io.bootrig.rig.qualify.QualificationPlan;
import io.bootrig.rig.qualify.QualificationReport;
import io.bootrig.rig.qualify.ReportJson;
import io.bootrig.rig.qualify.ReportTable;
import io.qameta.allure.Allure;
import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * QA's sign-off run for a keystore (the scenario materials': the committed LMS test keystore, or -Drig.materials):
 * lint, provision the sacrificial board, compare the OTP's keys with the keystore, then the accept/reject matrix.
 * The qualification report is attached as JSON and as the table QA signs.
 */
@Epic("STM32H5 OTP keystore")
@Feature("Keystore qualification")
@Tag("qualification")
@ExtendWith(BoardExtension.class)
class KeystoreQualificationScenario {

    @Test
    @DisplayName("The keystore qualifies: every key takes its allowed partitions and refuses the rest")
    @Description("Each key × its allowed and forbidden partition ids, a wrong key, a tampered payload, a bad signature, "
            + "a downgrade and the same version again, each sent by XMODEM and judged by what the board boots.")
    void theKeystoreQualifies(BoardUnderTest board) throws Exception {
        ScenarioMaterials m = board.materials();
        QualificationPlan plan = QualificationPlan.withKeys(m.keystoreFile(), m.layout(), m.keyFiles());
        Path dir = Files.createDirectories(board.runDirectory().resolve("qualification"));
        QualificationReport report = new QualificationFlow(board.session(), plan,
                new QualificationFirmware(m.primer(), m.wolfBoot(), Optional.of(m.testApp())), false, dir.resolve("images"))
                .run(new AllureFlowSteps());
        ReportJson.write(report, dir.resolve("qualification.json"));
        Allure.addAttachment("qualification report (JSON)", "application/json", Files.readString(dir.resolve(
                "qualification.json")), "json");
        Allure.addAttachment("qualification report", "text/plain", ReportTable.render(report), "txt");

        report.failure().ifPresent(kind -> {
            switch (kind) {
                case INFRASTRUCTURE -> throw new InfrastructureFailure("the qualification could not run to the end: "
                        + report.reason());
                case REFUSED, INPUT -> throw new SetupFailure("the qualification could not start: " + report.reason());
                case PRODUCT -> { }
            }
        });
        assertThat(report.verdict()).as(report.reason()).isEqualTo(QualificationReport.Verdict.QUALIFIED);
        assertThat(report.count(CaseVerdict.PASS)).isEqualTo(report.cases().size()).isGreaterThan(10);
        assertThat(report.notExercised()).isEmpty();
    }
}
