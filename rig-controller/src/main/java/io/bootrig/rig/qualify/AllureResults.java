package io.bootrig.rig.qualify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bootrig.rig.flow.FailureKind;
import io.bootrig.rig.flow.FlowReport;
import io.bootrig.rig.flow.StepResult;
import io.bootrig.wolfboot.AtomicFiles;
import io.bootrig.wolfboot.crypto.HashAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The qualification as Allure 2 results ({@code allure generate DIR}): one test for the setup (lint, provisioning, OTP
 * fingerprints) with the JSON report attached, and one test per case with its key slot, partition id, expectation
 * and the update steps. A case the product failed is "failed", one the rig could not run is "broken", one not run is
 * "skipped". The history id is the keystore's SHA-256 and the case name, so Allure follows a case across runs.
 */
public final class AllureResults {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SUITE = "keystore qualification";

    private AllureResults() {}

    /** Writes the results into {@code dir} (created if missing); returns how many test results were written. */
    public static int write(QualificationReport r, Path dir) throws IOException {
        Files.createDirectories(dir);
        String keystore = r.plan().keystoreFile().getFileName().toString();
        String attachment = UUID.randomUUID() + "-attachment.json";
        AtomicFiles.write(dir.resolve(attachment), ReportJson.text(r).getBytes(StandardCharsets.UTF_8), false);

        Map<String, Object> setup = result(r, "setup", "setup: lint, provision, OTP fingerprints of " + keystore,
                r.setup().passed() ? "passed" : status(r.setup().failure().orElse(FailureKind.PRODUCT)),
                r.setup().failedStep().map(StepResult::summary).orElse("verdict: " + r.verdict().label() + " - "
                        + r.reason()), r.setup().started(), r.setup().started().plus(r.setup().duration()));
        setup.put("steps", steps(r.setup(), r.setup().started()));
        setup.put("attachments", List.of(Map.of("name", "qualification.json", "source", attachment, "type",
                "application/json")));
        setup.put("parameters", List.of(parameter("keystore SHA-256", r.plan().keystoreSha256()),
                parameter("verdict", r.verdict().label())));
        writeResult(dir, setup);

        for (CaseResult c : r.cases()) {
            String status = switch (c.verdict()) {
                case PASS -> "passed";
                case NOT_RUN -> "skipped";
                case FAIL -> status(c.failure().orElse(FailureKind.PRODUCT));
            };
            Map<String, Object> t = result(r, c.spec().name(), c.spec().title(), status, c.detail(), c.started(),
                    c.started().plus(c.duration()));
            List<Map<String, String>> params = new ArrayList<>();
            params.add(parameter("key slot", c.spec().slot().map(s -> Long.toString(s.slotId())).orElse("none")));
            params.add(parameter("key file", c.keyFile()));
            params.add(parameter("partition id", c.spec().partitionId().isPresent()
                    ? Integer.toString(c.spec().partitionId().getAsInt()) : "-"));
            params.add(parameter("mask allows", c.spec().maskAllows().map(String::valueOf).orElse("-")));
            params.add(parameter("expected", c.spec().expected().label()));
            params.add(parameter("image version", c.imageVersion().isPresent()
                    ? Long.toString(c.imageVersion().getAsLong()) : "-"));
            params.add(parameter("observed", c.observed().describe()));
            t.put("parameters", params);
            t.put("labels", labels(r, keystore, c.spec().kind().label()));
            c.update().ifPresent(u -> t.put("steps", steps(u, c.started())));
            writeResult(dir, t);
        }
        return 1 + r.cases().size();
    }

    private static Map<String, Object> result(QualificationReport r, String name, String title, String status,
            String message, Instant start, Instant stop) {
        Map<String, Object> t = new LinkedHashMap<>();
        String history = HexFormat.of().formatHex(HashAlgorithm.SHA256.hash((r.plan().keystoreSha256() + "/" + name)
                .getBytes(StandardCharsets.UTF_8)));
        t.put("uuid", UUID.randomUUID().toString());
        t.put("historyId", history);
        t.put("testCaseId", history);
        t.put("name", title);
        t.put("fullName", "qualify." + r.plan().keystoreFile().getFileName() + "." + name);
        t.put("status", status);
        t.put("statusDetails", Map.of("message", message));
        t.put("stage", "finished");
        t.put("start", start.toEpochMilli());
        t.put("stop", stop.toEpochMilli());
        t.put("labels", labels(r, r.plan().keystoreFile().getFileName().toString(), "setup"));
        return t;
    }

    private static List<Map<String, String>> labels(QualificationReport r, String keystore, String feature) {
        return List.of(Map.of("name", "suite", "value", SUITE), Map.of("name", "subSuite", "value", keystore),
                Map.of("name", "feature", "value", feature), Map.of("name", "host", "value", r.board()),
                Map.of("name", "framework", "value", "bootrig"));
    }

    private static List<Map<String, Object>> steps(FlowReport flow, Instant start) {
        List<Map<String, Object>> out = new ArrayList<>();
        Instant at = start;
        for (StepResult s : flow.steps()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name() + ": " + s.title());
            m.put("status", switch (s.status()) {
                case PASSED, PLANNED -> "passed";
                case SKIPPED, NOT_RUN -> "skipped";
                case FAILED -> status(s.failure().orElse(FailureKind.PRODUCT));
            });
            m.put("statusDetails", Map.of("message", s.summary()));
            m.put("stage", "finished");
            m.put("start", at.toEpochMilli());
            at = at.plus(s.duration());
            m.put("stop", at.toEpochMilli());
            m.put("parameters", s.notes().stream().map(n -> parameter("note", n)).toList());
            out.add(m);
        }
        return out;
    }

    private static String status(FailureKind kind) {
        return kind == FailureKind.PRODUCT || kind == FailureKind.REFUSED ? "failed" : "broken";
    }

    private static Map<String, String> parameter(String name, String value) {
        return Map.of("name", name, "value", value);
    }

    private static void writeResult(Path dir, Map<String, Object> result) throws IOException {
        try {
            AtomicFiles.write(dir.resolve(result.get("uuid") + "-result.json"),
                    MAPPER.writeValueAsBytes(result), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Allure result does not serialise: " + e.getMessage(), e);
        }
    }
}
