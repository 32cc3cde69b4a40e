package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreC;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
import io.bootrig.wolfboot.keystore.KeystoreLinter;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.keystore.SlotSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check a keystore before it goes to production: slot ids, key types and sizes, valid keys, "
                + "duplicates, masks and the partition ids each key may sign, and whether it fits the 2 KB OTP.",
                "Exit 0 = no errors (warnings may be printed), 1 = errors found, 2 = unreadable input."})
final class KeystoreLintCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "keystore.c, keystore.der or an OTP image (otp.bin)")
    Path file;

    @Option(names = "--universal", description = "the keystore may mix key types (WOLFBOOT_UNIVERSAL_KEYSTORE)")
    boolean universal;

    @Option(names = "--no-otp", description = "the keystore is not for the STM32H5 OTP: skip the OTP checks")
    boolean noOtp;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws FormatException {
        byte[] content = Inputs.read(file);
        KeystoreFormat format = KeystoreFiles.detect(content);
        KeystoreLinter linter = new KeystoreLinter(universal, !noOtp);
        Keystore ks;
        List<LintFinding> findings;
        if (format == KeystoreFormat.C_SOURCE) {
            KeystoreC c = KeystoreFiles.parseC(file.toString(), content);
            ks = c.keystore();
            findings = linter.lint(c);
        } else {
            ks = KeystoreFiles.parse(file.toString(), content);
            findings = linter.lint(ks, format);
        }
        long errors = findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        var out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = KeystoreInspectCommand.toMap(format, ks);
            m.put("result", errors == 0 ? "clean" : "errors");
            List<Map<String, Object>> list = new ArrayList<>();
            for (LintFinding f : findings) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
                if (f.slot() >= 0) {
                    e.put("slot", f.slot());
                }
                e.put("field", f.field());
                e.put("message", f.message());
                list.add(e);
            }
            m.put("findings", list);
            out.println(Json.write(m));
        } else {
            for (SlotSummary s : SlotSummary.of(ks)) {
                out.printf("  slot %d: %s, mask %s: may sign partition ids %s%n", s.slotId(), s.keyType(), s.maskHex(),
                        s.allowedPartitions());
            }
            for (LintFinding f : findings) {
                out.println("  " + f);
            }
            out.printf("%s: %s (%d error%s, %d warning%s)%n", file, errors == 0 ? "clean" : "NOT clean", errors,
                    errors == 1 ? "" : "s", findings.size() - errors, findings.size() - errors == 1 ? "" : "s");
        }
        return errors == 0 ? ExitCode.OK : ExitCode.REJECTED;
    }
}
