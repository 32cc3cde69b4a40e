package io.bootrig.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.bootrig.rig.console.PartitionState;
import io.bootrig.rig.console.SystemInfo;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.UpdateInputs;
import io.qameta.allure.Epic;
import io.qameta.allure.Feature;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * wolfBoot's update rules on the DUALBANK STM32H5 build: what it takes, ignores and erases. Every test starts from
 * whatever version the board runs (confirmed), so the tests do not depend on each other's order.
 */
@Epic("STM32H5 OTP keystore")
@Feature("Update rules")
@Tag("update-rules")
@ExtendWith(BoardExtension.class)
class UpdateRulesScenario {

    /** Images wolfBoot must refuse to boot; the rejected image is erased from UPDATE. */
    enum Rejected {
        BAD_SIGNATURE("signature"), TAMPERED_PAYLOAD("integrity"), UNKNOWN_KEY("unknown-key"),
        KEY_MASK_EXCLUDES_THE_PARTITION("permission");

        /** The reason wolfboot-tools' verifier gives, which the board's refusal must agree with. */
        final String reason;

        Rejected(String reason) {
            this.reason = reason;
        }
    }

    @BeforeEach
    void provisioned(BoardUnderTest board) throws Exception {
        board.provisionOnce();
        SystemInfo info = board.info();
        if (info.bootState() == PartitionState.TESTING) {
            board.session().console().command("success", java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("A higher version is taken, boots in TESTING and is confirmed")
    void aHigherVersionIsTaken(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        FlowReport r = board.update(board.materials().signed(v + 1), UpdateInputs.Expectation.ACCEPTED, true);
        assertThat(r.results()).containsEntry("versionAfter", v + 1).containsEntry("stateConfirmed", "CONFIRMED");
    }

    @Test
    @DisplayName("The same version again is ignored")
    void theSameVersionIsIgnored(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.update(board.materials().signed(v), UpdateInputs.Expectation.REFUSED, false);
        assertThat(board.info().firmwareVersion()).isEqualTo(v);
    }

    @Test
    @DisplayName("A lower version is ignored (no downgrade through the update path)")
    void aLowerVersionIsIgnored(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        if (v < 2) {
            board.update(board.materials().signed(v + 1), UpdateInputs.Expectation.ACCEPTED, true);
            v++;
        }
        board.update(board.materials().signed(v - 1), UpdateInputs.Expectation.REFUSED, false);
        assertThat(board.info().firmwareVersion()).isEqualTo(v);
    }

    @ParameterizedTest(name = "{0}: refused, the update partition erased, the running version still boots")
    @EnumSource(Rejected.class)
    void aBadImageIsErasedAndTheRunningVersionStillBoots(Rejected kind, BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        Path image = switch (kind) {
            case BAD_SIGNATURE -> board.materials().badSignature(v + 1);
            case TAMPERED_PAYLOAD -> board.materials().tampered(v + 1);
            case UNKNOWN_KEY -> board.materials().signedWithUnknownKey(v + 1);
            case KEY_MASK_EXCLUDES_THE_PARTITION -> board.materials().signedWithRestrictedKey(v + 1, 4);
        };
        FlowReport r = board.update(image, UpdateInputs.Expectation.REFUSED, false);
        assertThat(r.results()).containsEntry("predictedVerdict", kind.reason).containsEntry("versionAfter", v);
        SystemInfo info = board.info();
        assertThat(info.firmwareVersion()).isEqualTo(v);
        assertThat(info.update()).as("wolfBoot erased the rejected image from UPDATE").isEmpty();
    }

    @Test
    @DisplayName("An unconfirmed update is kept after another reboot (no rollback with ALLOW_DOWNGRADE=0)")
    void anUnconfirmedUpdateIsKept(BoardUnderTest board) throws Exception {
        long v = board.info().firmwareVersion();
        board.update(board.materials().signed(v + 1), UpdateInputs.Expectation.ACCEPTED, false);
        var console = board.session().console();
        console.discardPending();
        console.send("reboot");
        SystemInfo after = io.bootrig.rig.flow.TestAppSession.awaitBoot(console, java.time.Duration.ofSeconds(30)).info();
        assertThat(after.firmwareVersion()).isEqualTo(v + 1);
        assertThat(after.bootState()).isEqualTo(PartitionState.TESTING);
    }
}
