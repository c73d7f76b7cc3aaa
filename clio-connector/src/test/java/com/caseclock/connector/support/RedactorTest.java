package com.caseclock.connector.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.caseclock.service.messaging.EventFacts;

/** Tokens and secrets never leave in a Clio body, a message or a header; plain text stays readable. */
class RedactorTest {

    @Test
    void jsonMembersNamingTokensOrSecretsAreRedactedAtAnyDepth() {
        String body = "{\"access_token\":\"us-at-123\",\"refresh_token\":\"us-rt-456\",\"token_type\":\"bearer\","
                + "\"data\":{\"client_secret\":\"s3cr3t\",\"Authorization\":\"Bearer abc\",\"note\":\"kept\"},"
                + "\"items\":[{\"shared_secret\":\"hook\"}],\"error\":{\"type\":\"RecordInvalid\",\"message\":\"Bad\"}}";
        String out = Redactor.redact(body);
        assertThat(out).doesNotContain("us-at-123", "us-rt-456", "s3cr3t", "abc", "hook")
                .contains("\"note\":\"kept\"", "RecordInvalid", "\"message\":\"Bad\"", Redactor.REDACTED);
    }

    @Test
    void plainTextBearerCredentialsAndTokenParametersAreRedacted() {
        String out = Redactor.redact("GET /x failed: Authorization: Bearer eyJhbGciOi.J9.sig and "
                + "refresh_token=us-rt-789&grant_type=refresh_token, client_secret: abc123");
        assertThat(out).doesNotContain("eyJhbGciOi", "us-rt-789", "abc123").contains("grant_type=refresh_token")
                .contains("Bearer " + Redactor.REDACTED);
    }

    @Test
    void textIsKeptAsIsWhenNothingIsSecretAndCutWhenLong() {
        assertThat(Redactor.redact("Clio answered HTTP 503")).isEqualTo("Clio answered HTTP 503");
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("x".repeat(5000))).hasSize(Redactor.MAX_CHARS + 1).endsWith("…");
    }

    @Test
    void factsAreReadFromApprovalPayloadsAndUnreadablePayloadsGiveNone() {
        UUID entry = UUID.randomUUID();
        EventFacts facts = EventFacts.of("{\"firmId\":\"f1\",\"entry\":{\"timeEntryId\":\"" + entry
                + "\",\"userId\":\"u1\",\"matterClioId\":42}}");
        assertThat(facts).isEqualTo(new EventFacts("f1", "u1", entry, 42L));
        assertThat(EventFacts.of("{\"firmId\":\"f1\",\"timeEntryId\":\"" + entry + "\",\"userId\":\"u2\"}"))
                .isEqualTo(new EventFacts("f1", "u2", entry, null));
        assertThat(EventFacts.of("not json")).isEqualTo(EventFacts.NONE);
        assertThat(EventFacts.of("[1,2]")).isEqualTo(EventFacts.NONE);
        assertThat(EventFacts.of("{\"timeEntryId\":\"nope\",\"matterClioId\":\"7\"}")).isEqualTo(EventFacts.NONE);
    }

    @Test
    void postingExplanationsAreKeptAndOthersGetPlainWords() {
        assertThat(FailureExplainer.explain("CLIO_UNAVAILABLE", "CLIO_UNAVAILABLE: Clio was unavailable; the entry "
                + "was not confirmed in Clio after 4 attempts.")).startsWith("Clio was unavailable; the entry");
        assertThat(FailureExplainer.explain("INVALID_EVENT", "record has no ce_id header"))
                .startsWith("The event could not be read").endsWith("(record has no ce_id header)");
        assertThat(FailureExplainer.explain("SOMETHING_ELSE", null)).isEqualTo("The connector could not process "
                + "the event.");
        assertThat(FailureExplainer.codes()).contains("VALIDATION_REJECTED", "INVALID_EVENT", "HANDLER_ERROR");
    }
}
