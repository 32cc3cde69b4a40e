package io.bootrig.rig.cli;

import io.bootrig.rig.RigHome;
import io.bootrig.rig.inventory.BoardSelection;
import io.bootrig.rig.stm32h5.OptionBytes;
import io.bootrig.wolfboot.FormatException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Print the option bytes in effect (the _CUR registers).")
final class OptionsShowCommand implements Callable<Integer> {
    @Mixin
    BoardOptions boardOptions;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, FormatException {
        RigHome home = RigCli.of(spec).home();
        BoardSelection selection = BoardAccess.select(home, boardOptions);
        OptionBytes ob;
        try (BoardAccess access = BoardAccess.open(home, selection, boardOptions, "options-show", spec.commandLine().getErr())) {
            ob = TargetCall.run(access.board().name(), () -> access.session().chip().readOptionBytes());
        }
        Map<String, Object> m = of(ob);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(m));
        } else {
            out.println(selection.board().name() + ":");
            m.forEach((k, v) -> out.printf("  %-13s %s%n", k, v));
        }
        return ExitCode.OK;
    }

    static Map<String, Object> of(OptionBytes ob) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("TZEN", String.format("0x%02X (%s)", ob.tzen(), ob.trustZone() ? "TrustZone on" : "off"));
        m.put("SWAP_BANK", ob.swapBank() ? 1 : 0);
        m.put("PRODUCT_STATE", ob.productState().name());
        m.put("SECWM1", ob.secwm1().toString());
        m.put("SECWM2", ob.secwm2().toString());
        m.put("OPTSR", String.format("0x%08X", ob.optsr()));
        m.put("OPTSR2", String.format("0x%08X", ob.optsr2()));
        return m;
    }
}
