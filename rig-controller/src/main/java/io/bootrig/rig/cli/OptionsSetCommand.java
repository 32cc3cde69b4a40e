package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.stm32h5.DesiredOptions;
import io.bootrig.rig.stm32h5.OptionBytes;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rig options set}: only what differs is programmed; each change is followed by a reset and checked. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Program option bytes: TZEN, SWAP_BANK, SECWM1/2. Only what differs is written; each change is "
                + "committed, the board reset, and the value in effect checked. Changing TZEN erases the user flash.",
                "The product state (which can lock the chip for good) is never changed by the rig.",
                "Exit 0 = in effect, 2 = bad usage, 3 = the board refused."})
final class OptionsSetCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--tzen", paramLabel = "on|off", description = "TrustZone: on = 0xB4, off = 0xC3")
    String tzen;

    @Option(names = "--swap-bank", paramLabel = "0|1", description = "SWAP_BANK")
    Integer swapBank;

    @Option(names = "--secwm1", paramLabel = "START-END|none", converter = SecureWatermarkConverter.class,
            description = "secure sectors of bank 1, e.g. 0x00-0x2F")
    SecureWatermarkConverter.Range secwm1;

    @Option(names = "--secwm2", paramLabel = "START-END|none", converter = SecureWatermarkConverter.class,
            description = "secure sectors of bank 2")
    SecureWatermarkConverter.Range secwm2;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        DesiredOptions desired = DesiredOptions.none();
        if (tzen != null) {
            desired = switch (tzen) {
                case "on" -> desired.withTzen(OptionBytes.TZEN_ENABLED);
                case "off" -> desired.withTzen(OptionBytes.TZEN_DISABLED);
                default -> throw RigException.badInput("--tzen: '" + tzen + "' must be on or off");
            };
        }
        if (swapBank != null) {
            if (swapBank != 0 && swapBank != 1) {
                throw RigException.badInput("--swap-bank: " + swapBank + " must be 0 or 1");
            }
            desired = desired.withSwapBank(swapBank == 1);
        }
        if (secwm1 != null) {
            desired = desired.withSecwm1(secwm1.register());
        }
        if (secwm2 != null) {
            desired = desired.withSecwm2(secwm2.register());
        }
        if (tzen == null && swapBank == null && secwm1 == null && secwm2 == null) {
            throw RigException.badInput("nothing to set: give --tzen, --swap-bank, --secwm1 or --secwm2");
        }
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        DesiredOptions want = desired;
        var out = spec.commandLine().getOut();
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "options-set", spec.commandLine().getErr())) {
            List<String> changed = TargetCall.run(access.board().name(),
                    () -> access.session().chip().programOptionBytes(want));
            out.println(access.board().name() + ": " + (changed.isEmpty() ? "already as asked, nothing written"
                    : String.join(", ", changed)));
            return ExitCode.OK;
        }
    }
}
