package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.config.AddressCheck;
import io.bootrig.wolfboot.config.PartitionLayout;
import io.bootrig.wolfboot.config.SecureWatermarks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show the partition layout a wolfBoot .config describes, and check an operator's addresses "
                + "against it.", "Exit 0 = consistent, 1 = a given address disagrees with the config, 2 = bad input."})
final class ConfigShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "wolfBoot .config")
    Path file;

    @Option(names = "--app-address", paramLabel = "ADDR", description = "where the operator flashes the signed application")
    String appAddress;

    @Option(names = "--secwm1", paramLabel = "START:END", description = "operator's bank 1 secure watermark sectors, e.g. 0:0x1F")
    String secwm1;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws FormatException {
        PartitionLayout layout = ConfigSupport.layout(file);
        List<String> warnings = new ArrayList<>();
        if (appAddress != null) {
            AddressCheck.applicationImage(layout, Inputs.number("--app-address", appAddress)).ifPresent(warnings::add);
        }
        if (secwm1 != null) {
            String[] se = secwm1.split(":");
            if (se.length != 2) {
                throw RigException.badInput("--secwm1: '" + secwm1 + "' must be START:END");
            }
            AddressCheck.secureWatermark(layout, 1, (int) Inputs.number("--secwm1 start", se[0]),
                    (int) Inputs.number("--secwm1 end", se[1])).ifPresent(warnings::add);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = layout.toMap();
            m.put("requiredSecureWatermarkBank1", SecureWatermarks.required(layout, 1).toString());
            m.put("warnings", warnings);
            out.println(Json.write(m));
        } else {
            out.println(file + ":");
            layout.toMap().forEach((k, v) -> out.printf("  %-28s %s%n", k, v instanceof Long l ? String.format("0x%08X", l) : v));
            out.println("  required SECWM bank 1        " + SecureWatermarks.required(layout, 1));
            warnings.forEach(w -> out.println("warning: " + w));
        }
        return warnings.isEmpty() ? ExitCode.OK : ExitCode.REJECTED;
    }
}
