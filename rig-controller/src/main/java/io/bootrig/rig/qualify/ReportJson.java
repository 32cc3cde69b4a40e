package io.bootrig.rig.qualify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.keystore.LintFinding;
import io.bootrig.wolfboot.keystore.SlotSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The qualification report as JSON: what a QA engineer signs off. Public key fingerprints and key file paths only,
 * never a private key's bytes.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    /** Writes the report to {@code file} atomically (a reader never sees half a report). */
    public static void write(QualificationReport report, Path file) throws IOException {
        AtomicFiles.write(file, text(report).getBytes(StandardCharsets.UTF_8), false);
    }

    public static String text(QualificationReport report) {
        try {
            return MAPPER.writeValueAsString(toMap(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the qualification report does not serialise: " + e.getMessage(), e);
        }
    }

    public static Map<String, Object> toMap(QualificationReport r) {
        QualificationPlan plan = r.plan();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", r.verdict().label());
        m.put("reason", r.reason());
        r.failure().ifPresent(k -> m.put("failure", k.name().toLowerCase(Locale.ROOT)));
        m.put("summary", ordered("cases", r.cases().size(), "passed", r.count(CaseVerdict.PASS), "failed",
                r.count(CaseVerdict.FAIL), "notRun", r.count(CaseVerdict.NOT_RUN)));
        m.put("keystore", keystore(plan));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("file", plan.layout().source());
        config.put("sign", plan.layout().sign().wolfBootName());
        config.put("hash", plan.layout().hash().name());
        config.put("headerSize", plan.layout().headerSize());
        config.put("dualBankSwap", plan.layout().dualBankSwap());
        m.put("config", config);
        m.put("mode", plan.mode().label());
        m.put("plan", plan.notes());
        m.put("lint", plan.lint().stream().map(ReportJson::finding).toList());
        m.put("otp", r.otp().stream().map(ReportJson::otp).toList());
        m.put("cases", r.cases().stream().map(ReportJson::row).toList());
        m.put("board", ordered("name", r.board(), "kind", r.boardKind()));
        m.put("rigVersion", r.rigVersion());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().toString());
        m.put("seconds", seconds(r.duration()));
        m.put("setup", flow(r.setup()));
        return m;
    }

    private static Map<String, Object> keystore(QualificationPlan plan) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("file", plan.keystoreFile().toString());
        k.put("sha256", plan.keystoreSha256());
        k.put("format", plan.format().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int i = 0; i < plan.keystore().size(); i++) {
            var slot = plan.keystore().slots().get(i);
            SlotSummary s = SlotSummary.of(plan.keystore()).get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slot", s.slotId());
            m.put("type", s.keyType());
            m.put("mask", s.maskHex());
            m.put("allowedIds", s.allowedPartitionIds());
            m.put("sha256", s.fingerprint());
            m.put("keyFile", plan.keyOf(slot).map(key -> key.file().toString()).orElse(null));
            m.put("exercised", plan.exercises(slot));
            slots.add(m);
        }
        k.put("slots", slots);
        return k;
    }

    private static Map<String, Object> finding(LintFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        m.put("slot", f.slot() >= 0 ? f.slot() : null);
        m.put("field", f.field());
        m.put("message", f.message());
        return m;
    }

    private static Map<String, Object> otp(OtpSlotCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slot", c.keystore().slotId());
        m.put("keystoreSha256", c.keystore().fingerprint());
        m.put("otpSha256", c.otp().map(SlotSummary::fingerprint).orElse(null));
        m.put("keystoreType", c.keystore().keyType());
        m.put("otpType", c.otp().map(SlotSummary::keyType).orElse(null));
        m.put("keystoreMask", c.keystore().maskHex());
        m.put("otpMask", c.otp().map(SlotSummary::maskHex).orElse(null));
        m.put("matches", c.matches());
        return m;
    }

    private static Map<String, Object> row(CaseResult c) {
        QualificationCase spec = c.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", c.index());
        m.put("name", spec.name());
        m.put("kind", spec.kind().label());
        m.put("title", spec.title());
        m.put("keySlot", spec.slot().map(s -> (Object) s.slotId()).orElse(null));
        m.put("keyFile", c.keyFile());
        m.put("partitionId", spec.partitionId().isPresent() ? spec.partitionId().getAsInt() : null);
        m.put("maskAllows", spec.maskAllows().orElse(null));
        m.put("expected", spec.expected().label());
        m.put("image", c.image().map(Path::toString).orElse(null));
        m.put("imageVersion", c.imageVersion().isPresent() ? c.imageVersion().getAsLong() : null);
        m.put("before", c.before().orElse(null));
        m.put("predicted", c.predicted().map(Prediction::why).orElse(null));
        Observation o = c.observed();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("versionAfter", o.versionAfter().isPresent() ? o.versionAfter().getAsLong() : null);
        seen.put("stateAfter", o.stateAfter().orElse(null));
        seen.put("banksSwapped", o.banksSwapped().orElse(null));
        seen.put("taken", o.taken().orElse(null));
        seen.put("confirmed", o.confirmed().orElse(null));
        seen.put("text", o.describe());
        m.put("observed", seen);
        m.put("verdict", c.verdict().label());
        m.put("detail", c.detail());
        c.failure().ifPresent(k -> m.put("failure", k.name().toLowerCase(Locale.ROOT)));
        m.put("started", c.started().toString());
        m.put("seconds", seconds(c.duration()));
        m.put("updateSteps", c.update().map(u -> steps(u)).orElse(List.of()));
        return m;
    }

    private static Map<String, Object> flow(FlowReport f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", f.passed());
        m.put("seconds", seconds(f.duration()));
        m.put("steps", steps(f));
        return m;
    }

    private static List<Map<String, Object>> steps(FlowReport f) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StepResult s : f.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status().name().toLowerCase(Locale.ROOT));
            m.put("seconds", seconds(s.duration()));
            m.put("summary", s.summary());
            s.failure().ifPresent(k -> m.put("failure", k.name().toLowerCase(Locale.ROOT)));
            m.put("writes", s.writes());
            m.put("notes", s.notes());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static double seconds(Duration d) {
        return Math.round(d.toNanos() / 1e6) / 1000.0;
    }
}
