package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepStatus;
import io.bootrig.rig.flow.UpdateInputs;
import io.qameta.allure.Description;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@Epic("STM32H5 OTP keystore")
@Feature("The wolfBoot example end to end")
@Tag("procedure")
@ExtendWith(BoardExtension.class)
class OtpKeystoreProcedureScenario {

    @Test
    @DisplayName("Provision a blank board, read the WOLFBOOT header back, boot v1, update to v2 and confirm it")
    @Description("wolfBoot docs/flash-OTP.md for stm32h5-tz-dualbank-otp-lms.config: option bytes, the OTP primer, "
            + "OTP read-back, mass erase, wolfBoot and the signed test application, the first boot, an XMODEM update.")
    void theWholeProcedure(BoardUnderTest board) throws Exception {
        FlowReport provision = board.provision();
        assertThat(provision.steps()).extracting(s -> s.status()).doesNotContain(StepStatus.FAILED);
        assertThat(provision.results()).containsEntry("firmwareVersion", 1L).containsEntry("firmwareState", "NEW");
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) provision.results().get("otpHeader");
        assertThat(header).containsEntry("magic", "WOLFBOOT").containsEntry("keys", 2).containsEntry("version", "0x02090000");

        FlowReport update = board.update(board.materials().signed(2), UpdateInputs.Expectation.ACCEPTED, true);
        assertThat(update.results()).containsEntry("versionAfter", 2L).containsEntry("stateAfter", "TESTING")
                .containsEntry("stateConfirmed", "CONFIRMED");

        SystemInfo info = board.info();
        assertThat(info.firmwareVersion()).isEqualTo(2);
        assertThat(info.bootState()).isEqualTo(PartitionState.CONFIRMED);
        assertThat(info.banksSwapped()).contains(true);
        board.health(2);
    }
}
