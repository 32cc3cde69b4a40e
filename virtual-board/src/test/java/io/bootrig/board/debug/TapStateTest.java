package io.bootrig.board.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TapStateTest {
    @ParameterizedTest
    @EnumSource(TapState.class)
    void fiveClocksWithTmsHighReachTestLogicResetFromAnyState(TapState start) {
        TapState state = start;
        for (int i = 0; i < 5; i++) {
            state = state.next(true);
        }
        assertThat(state).isEqualTo(TapState.TEST_LOGIC_RESET);
    }

    @Test
    void walksTheDataRegisterPath() {
        TapState state = TapState.RUN_TEST_IDLE;
        state = state.next(true);
        assertThat(state).isEqualTo(TapState.SELECT_DR_SCAN);
        state = state.next(false);
        assertThat(state).isEqualTo(TapState.CAPTURE_DR);
        state = state.next(false);
        assertThat(state).isEqualTo(TapState.SHIFT_DR);
        assertThat(state.next(false)).isEqualTo(TapState.SHIFT_DR);
        state = state.next(true);
        assertThat(state).isEqualTo(TapState.EXIT1_DR);
        assertThat(state.next(false)).isEqualTo(TapState.PAUSE_DR);
        assertThat(TapState.PAUSE_DR.next(true)).isEqualTo(TapState.EXIT2_DR);
        assertThat(TapState.EXIT2_DR.next(false)).isEqualTo(TapState.SHIFT_DR);
        assertThat(TapState.EXIT2_DR.next(true)).isEqualTo(TapState.UPDATE_DR);
        state = state.next(true);
        assertThat(state).isEqualTo(TapState.UPDATE_DR);
        assertThat(state.next(false)).isEqualTo(TapState.RUN_TEST_IDLE);
        assertThat(state.next(true)).isEqualTo(TapState.SELECT_DR_SCAN);
    }

    @Test
    void walksTheInstructionRegisterPath() {
        assertThat(TapState.SELECT_DR_SCAN.next(true)).isEqualTo(TapState.SELECT_IR_SCAN);
        assertThat(TapState.SELECT_IR_SCAN.next(false)).isEqualTo(TapState.CAPTURE_IR);
        assertThat(TapState.SELECT_IR_SCAN.next(true)).isEqualTo(TapState.TEST_LOGIC_RESET);
        assertThat(TapState.CAPTURE_IR.next(false)).isEqualTo(TapState.SHIFT_IR);
        assertThat(TapState.CAPTURE_IR.next(true)).isEqualTo(TapState.EXIT1_IR);
        assertThat(TapState.SHIFT_IR.next(true)).isEqualTo(TapState.EXIT1_IR);
        assertThat(TapState.EXIT1_IR.next(false)).isEqualTo(TapState.PAUSE_IR);
        assertThat(TapState.EXIT1_IR.next(true)).isEqualTo(TapState.UPDATE_IR);
        assertThat(TapState.PAUSE_IR.next(false)).isEqualTo(TapState.PAUSE_IR);
        assertThat(TapState.EXIT2_IR.next(false)).isEqualTo(TapState.SHIFT_IR);
        assertThat(TapState.EXIT2_IR.next(true)).isEqualTo(TapState.UPDATE_IR);
        assertThat(TapState.UPDATE_IR.next(false)).isEqualTo(TapState.RUN_TEST_IDLE);
        assertThat(TapState.TEST_LOGIC_RESET.next(false)).isEqualTo(TapState.RUN_TEST_IDLE);
    }
}
