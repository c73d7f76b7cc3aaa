package com.caseclock.supportcli.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the bundle's redactor removes, what it keeps, and that the re-check finds what is left. */
class RedactorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkYW5hIiwiZmlybV9pZCI6ImgifQ"
            + ".c2lnbmF0dXJlLXZhbHVl";

    @Test
    void removesSecretNamedValuesTokensInTextAndKnownSecrets() throws Exception {
        JsonNode doc = JSON.readTree("""
                {"connection": {"access_token": "sbx-at-1111", "refreshToken": "sbx-rt-2222",
                                "client-secret": "cs-3333", "webhookSecret": {"value": "whs-4444"},
                                "Authorization": "Bearer abcdefgh12345", "password": "hunter2hunter2"},
                 "failures": [{"clioBody": "{\\"error\\":\\"invalid\\",\\"access_token\\":\\"sbx-at-5555\\"}",
                               "message": "called with Bearer sbx-at-6666 and got 401"},
                              "url?refresh_token=sbx-rt-7777&x=1", "jwt %s"],
                 "note": "the CLI's own token was my-own-cli-token-8888"}
                """.formatted(JWT));
        Redactor redactor = new Redactor(List.of("my-own-cli-token-8888"));
        assertThat(redactor.findings(doc)).isNotEmpty();

        int changed = redactor.redact(doc);

        String text = doc.toString();
        assertThat(text).doesNotContain("1111", "2222", "3333", "4444", "abcdefgh12345", "hunter2", "5555", "6666",
                "7777", JWT, "8888");
        assertThat(changed).isEqualTo(11);
        assertThat(doc.at("/connection/access_token").asText()).isEqualTo(Redactor.REDACTED);
        assertThat(doc.at("/failures/0/message").asText()).isEqualTo("called with Bearer [redacted] and got 401");
        assertThat(doc.at("/failures/1").asText()).isEqualTo("url?refresh_token=[redacted]&x=1");
        assertThat(doc.at("/failures/0/clioBody").asText()).contains("\"error\":\"invalid\"");
        assertThat(redactor.findings(doc)).isEmpty();
        assertThat(redactor.redact(doc)).as("idempotent").isZero();
    }

    @Test
    void keepsWhatDescribesACredentialWithoutDisclosingIt() throws Exception {
        JsonNode doc = JSON.readTree("""
                {"tokenExpiresAt": "2026-12-01T10:00:00Z", "accessTokenPresent": true, "tokenRefreshes": 3,
                 "refreshToken": null, "webhookSecretConfigured": true, "tokenStatus": "VALID",
                 "secretRotatedAt": "2026-11-01T00:00:00.123Z", "status": "connected", "region": "US",
                 "reason": "Clio rejected the saved sign-in", "userId": "dana", "clioUserId": 100,
                 "entryId": "7b0c1a52-6f0e-4a39-9d47-2a1f3f3d9b10", "eventSent": "4e0b0ab4-4a6f-4a2b-9e7a-1c4d2e3f5a6b"}
                """);
        JsonNode before = doc.deepCopy();
        Redactor redactor = new Redactor(List.of("short"));
        assertThat(redactor.redact(doc)).isZero();
        assertThat(doc).isEqualTo(before);
        assertThat(redactor.findings(doc)).isEmpty();
    }
}
