package io.bootrig.rig.cli;

import io.bootrig.wolfboot.FormatException;
import io.bootrig.wolfboot.keystore.Keystore;
import io.bootrig.wolfboot.keystore.KeystoreFiles;
import io.bootrig.wolfboot.keystore.KeystoreFormat;
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

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "List a keystore's slots: id, key type, mask and allowed partition ids, size, fingerprint.")
final class KeystoreInspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "keystore.c, keystore.der or an OTP image (otp.bin)")
    Path file;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws FormatException {
        byte[] content = Inputs.read(file);
        KeystoreFormat format = KeystoreFiles.detect(content);
        Keystore ks = KeystoreFiles.parse(file.toString(), content);
        List<SlotSummary> slots = SlotSummary.of(ks);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toMap(format, ks)));
            return ExitCode.OK;
        }
        out.printf("%s: %s keystore, %d key%s%n", file, format.name().toLowerCase(java.util.Locale.ROOT), slots.size(),
                slots.size() == 1 ? "" : "s");
        for (SlotSummary s : slots) {
            out.printf("  slot %d: %s, mask %s (partition ids %s), %d-byte key, SHA-256 %s%n", s.slotId(), s.keyType(),
                    s.maskHex(), s.allowedPartitions(), ks.slots().get(s.index()).pubkeySize(), s.fingerprint());
        }
        return ExitCode.OK;
    }

    static Map<String, Object> toMap(KeystoreFormat format, Keystore ks) {
        List<SlotSummary> slots = SlotSummary.of(ks);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        List<Map<String, Object>> list = new ArrayList<>();
        for (SlotSummary s : slots) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("slot", s.slotId());
            e.put("keyType", s.keyType());
            e.put("mask", s.maskHex());
            e.put("allowedPartitionIds", s.allowedPartitionIds());
            e.put("pubkeySize", ks.slots().get(s.index()).pubkeySize());
            e.put("fingerprint", s.fingerprint());
            list.add(e);
        }
        m.put("slots", list);
        return m;
    }
}
