package io.bootrig.rig.qualify;

import io.bootrig.wolfboot.keystore.KeystoreSlot;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.keystore.SlotSummary;
import java.util.List;
import java.util.Locale;

/** The qualification report as plain text for the terminal: the keys, the OTP comparison, one line per case, the verdict. */
public final class ReportTable {

    private ReportTable() {}

    public static String render(QualificationReport r) {
        QualificationPlan plan = r.plan();
        StringBuilder out = new StringBuilder();
        out.append("==== keystore qualification: ").append(plan.keystoreFile()).append(" on ").append(r.board())
                .append(" ====\n");
        out.append("keystore SHA-256 ").append(plan.keystoreSha256()).append(", ").append(plan.layout().sign()
                .wolfBootName()).append(", config ").append(plan.layout().source()).append('\n');
        List<SlotSummary> slots = SlotSummary.of(plan.keystore());
        for (int i = 0; i < slots.size(); i++) {
            SlotSummary s = slots.get(i);
            KeystoreSlot slot = plan.keystore().slots().get(i);
            String key = plan.mode() == QualificationPlan.Mode.KEYS
                    ? plan.keyOf(slot).map(k -> "key " + k.file()).orElse("NOT EXERCISED: no private key given")
                    : plan.exercises(slot) ? "signs pre-signed images" : "NOT EXERCISED: no image signed by it";
            out.append(String.format(Locale.ROOT, "  slot %d: mask %s (ids %s), SHA-256 %s, %s%n", s.slotId(),
                    s.maskHex(), IdRanges.format(s.allowedPartitionIds()), s.fingerprint(), key));
        }
        long errors = plan.lint().stream().filter(f -> f.severity() == LintFinding.Severity.ERROR)
                .count();
        out.append("  lint: ").append(errors == 0 ? "clean" : errors + " error(s)").append(", ")
                .append(plan.lint().size() - errors).append(" warning(s)\n");
        for (OtpSlotCheck c : r.otp()) {
            out.append("  OTP ").append(c.describe()).append('\n');
        }
        out.append('\n');
        int width = r.cases().stream().mapToInt(c -> c.spec().name().length()).max().orElse(4);
        String row = "%3s  %-" + width + "s %-4s %-3s %-6s %-8s %-8s %-34s %s%n";
        out.append(String.format(Locale.ROOT, row, "#", "case", "slot", "id", "mask", "expected", "version", "observed",
                "verdict"));
        for (CaseResult c : r.cases()) {
            QualificationCase spec = c.spec();
            String mask = spec.maskAllows().map(a -> a ? "allows" : "forbid").orElse("-");
            out.append(String.format(Locale.ROOT, row, c.index(), spec.name(),
                    spec.slot().map(s -> Long.toString(s.slotId())).orElse("-"),
                    spec.partitionId().isPresent() ? Integer.toString(spec.partitionId().getAsInt()) : "-", mask,
                    spec.expected().label(), c.imageVersion().isPresent() ? "v" + c.imageVersion().getAsLong() : "-",
                    c.observed().describe(), c.verdict() == CaseVerdict.PASS ? "pass" : c.verdict().label().toUpperCase(
                            Locale.ROOT)));
        }
        for (CaseResult c : r.cases()) {
            if (c.verdict() != CaseVerdict.PASS) {
                out.append("  ").append(c.spec().name()).append(": ").append(c.detail()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%ncases: %d passed, %d failed, %d not run; %.1f s%n",
                r.count(CaseVerdict.PASS), r.count(CaseVerdict.FAIL), r.count(CaseVerdict.NOT_RUN),
                r.duration().toNanos() / 1e9));
        out.append("verdict: ").append(r.verdict().label()).append(" - ").append(r.reason()).append('\n');
        return out.toString();
    }
}
