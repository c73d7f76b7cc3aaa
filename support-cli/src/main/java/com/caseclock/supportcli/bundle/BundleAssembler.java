package com.caseclock.supportcli.bundle;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges the services' diagnostics parts into one bundle document:
 *
 * <pre>
 * {
 *   "format": "caseclock-diagnostics-bundle/1",
 *   "generatedAt": "2026-11-29T17:40:00Z",          (UTC)
 *   "generatedBy": "caseclock-support 0.1.0",
 *   "request": { "firmId", "userId", "entryId", "matterId", "clioUserId" },   (what was asked; null = not asked)
 *   "versions": { "timeentry-service": "0.1.0", ... },                (each part's "service": {"name", "version"})
 *   "sections": {
 *     "timeentry-service": { "source": "GET http://…", "ok": true, "diagnostics": { … } },
 *     "clio-connector":    { "source": "GET http://…", "ok": false, "error": { "status", "title", "detail" } },
 *     …
 *   },
 *   "notes": [ "…" ],
 *   "redactions": 0                                   (values replaced by [redacted] in this document)
 * }
 * </pre>
 *
 * Then removes anything credential-like with {@link Redactor} and re-checks the result.
 */
public final class BundleAssembler {

    /** Identifies the document's shape. */
    public static final String FORMAT = "caseclock-diagnostics-bundle/1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleAssembler() {
    }

    /**
     * What was asked.
     *
     * @param firmId     firm id, or {@code null}
     * @param userId     CaseClock user id, or {@code null}
     * @param entryId    time entry id, or {@code null}
     * @param matterId   Clio matter id, or {@code null}
     * @param clioUserId Clio user id used for the rate explanation, or {@code null}
     */
    public record Request(String firmId, String userId, String entryId, Long matterId, Long clioUserId) {
    }

    /**
     * One service's part.
     *
     * @param service     service name, e.g. {@code timeentry-service}
     * @param source      what was called, e.g. {@code GET http://localhost:8080/api/v1/support/diagnostics?…}
     * @param diagnostics the service's answer, or {@code null} when it failed
     * @param error       why it failed (object with {@code status}, {@code title}, {@code detail}), or {@code null}
     */
    public record Section(String service, String source, JsonNode diagnostics, JsonNode error) {

        /** @return whether the service answered */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * @param generatedAt when, UTC
     * @param generatedBy the tool and its version
     * @param request     what was asked
     * @param sections    the parts, in order
     * @param notes       remarks for the reader (e.g. a part that was skipped and why)
     * @param redactor    removes credentials
     * @return the bundle
     * @throws IllegalStateException if a value still looks like a credential after redaction (nothing is written)
     */
    public static ObjectNode assemble(Instant generatedAt, String generatedBy, Request request, List<Section> sections,
            List<String> notes, Redactor redactor) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("format", FORMAT);
        bundle.put("generatedAt", generatedAt.toString());
        bundle.put("generatedBy", generatedBy);
        ObjectNode asked = bundle.putObject("request");
        asked.put("firmId", request.firmId());
        asked.put("userId", request.userId());
        asked.put("entryId", request.entryId());
        asked.put("matterId", request.matterId());
        asked.put("clioUserId", request.clioUserId());
        ObjectNode versions = bundle.putObject("versions");
        ObjectNode parts = bundle.putObject("sections");
        for (Section s : sections) {
            ObjectNode part = parts.putObject(s.service());
            part.put("source", s.source());
            part.put("ok", s.ok());
            if (s.ok()) {
                part.set("diagnostics", s.diagnostics().deepCopy());
                versions.put(s.service(), version(s.diagnostics()));
            } else {
                part.set("error", s.error().deepCopy());
                versions.putNull(s.service());
            }
        }
        notes.forEach(bundle.putArray("notes")::add);
        int redactions = redactor.redact(bundle);
        bundle.put("redactions", redactions);
        List<String> left = redactor.findings(bundle);
        if (!left.isEmpty()) {
            throw new IllegalStateException("Values that look like credentials remain at " + left
                    + "; the bundle was not written");
        }
        return bundle;
    }

    /** @return the part's {@code service.version} (or a top-level {@code version}), or {@code null} */
    public static String version(JsonNode part) {
        JsonNode v = part.path("service").path("version");
        if (!v.isTextual()) {
            v = part.path("version");
        }
        return v.isTextual() ? v.asText() : null;
    }
}
