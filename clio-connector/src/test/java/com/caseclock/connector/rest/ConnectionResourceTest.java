package com.caseclock.connector.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.caseclock.cliosandbox.ClioSandbox;
import com.caseclock.connector.OAuthFlow;
import com.caseclock.connector.service.ConnectionService;
import com.caseclock.connector.service.NeedsReconnect;
import com.caseclock.events.ConnectionState;
import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.clio.InjectClioSandbox;
import com.caseclock.testsupport.security.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Connecting a user to the Clio sandbox through the real OAuth authorization code flow: start, the browser at Clio's
 * consent (auto-consent), the redirect back, tokens stored encrypted, status, refresh refused → NEEDS_RECONNECT with
 * an event, reconnect, disconnect.
 */
@QuarkusTest
class ConnectionResourceTest {

    private static final String FIRM_KEY = "harbor-pine";

    @InjectClioSandbox
    ClioSandbox sandbox;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ConnectionService connections;

    private String firmId;
    private String userId;
    private long clioUserId;

    @BeforeEach
    void consentAsALawyerOfTheDemoFirm() {
        firmId = "firm-" + UUID.randomUUID().toString().substring(0, 8);
        userId = "user-" + UUID.randomUUID().toString().substring(0, 8);
        List<Map<String, Object>> users = sandbox.admin().users(FIRM_KEY);
        clioUserId = ((Number) users.get(0).get("id")).longValue();
        sandbox.admin().autoConsentAs(FIRM_KEY, clioUserId);
    }

    @Test
    void connectsThroughTheOAuthFlowAndStoresTokensEncrypted() throws Exception {
        connect();

        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().get("/api/v1/connections/clio").then()
                .statusCode(200)
                .body("connected", equalTo(true))
                .body("state", equalTo("CONNECTED"))
                .body("region", equalTo("US"))
                .body("clioUserId", equalTo((int) clioUserId));

        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT access_token, refresh_token FROM clio_connection WHERE firm_id = ? AND user_id = ?")) {
            s.setString(1, firmId);
            s.setString(2, userId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                String access = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                String refresh = new String(rs.getBytes(2), StandardCharsets.ISO_8859_1);
                assertThat(access).doesNotContain("us-at-").doesNotContain("-at-");
                assertThat(refresh).doesNotContain("us-rt-").doesNotContain("-rt-");
            }
        }
        assertThat(connections.accessToken(firmId, userId).value()).startsWith("us-at-");
        assertThat(statusEvents()).extracting(ConnectionStatusChangedV1::state).containsExactly(ConnectionState.CONNECTED);
    }

    @Test
    void anExpiringAccessTokenIsRefreshedSilently() throws Exception {
        connect();
        String before = connections.accessToken(firmId, userId).value();
        expireAccessTokenNow();
        String after = connections.accessToken(firmId, userId).value();
        assertThat(after).startsWith("us-at-").isNotEqualTo(before);
        HttpResponse<String> whoAmI = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/api/v4/users/who_am_i.json"))
                .header("Authorization", "Bearer " + after).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whoAmI.statusCode()).isEqualTo(200);
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().get("/api/v1/connections/clio").then()
                .statusCode(200).body("state", equalTo("CONNECTED"));
    }

    @Test
    void aStateIsSingleUseAndBoundToTheFlowThatCreatedIt() throws Exception {
        Map<String, String> redirect = authorize();
        given().queryParams(redirect).when().get("/api/v1/connections/clio/callback").then().statusCode(200);
        given().queryParams(redirect).when().get("/api/v1/connections/clio/callback").then()
                .statusCode(400).contentType("application/problem+json").body("detail", startsWith("state: was already used"));
        given().queryParam("state", "forged").queryParam("code", "x").when().get("/api/v1/connections/clio/callback")
                .then().statusCode(400).body("detail", startsWith("state: is unknown"));
    }

    @Test
    void aRevokedRefreshTokenMovesTheConnectionToNeedsReconnectAndReconnectingRestoresIt() throws Exception {
        connect();
        String token = connections.accessToken(firmId, userId).value();
        // Clio-side revocation of the whole grant (what a user does in Clio's settings), then force a refresh.
        assertThat(sandbox.admin().revokeToken(token)).isTrue();
        expireAccessTokenNow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connections.accessToken(firmId, userId))
                .isInstanceOf(NeedsReconnect.class);
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().get("/api/v1/connections/clio").then()
                .statusCode(200).body("state", equalTo("NEEDS_RECONNECT")).body("connected", equalTo(false));

        connect();
        assertThat(connections.accessToken(firmId, userId).value()).startsWith("us-at-");
        assertThat(statusEvents()).extracting(ConnectionStatusChangedV1::state)
                .containsExactly(ConnectionState.CONNECTED, ConnectionState.NEEDS_RECONNECT, ConnectionState.CONNECTED);
    }

    @Test
    void disconnectRevokesAtClioAndDeletesTheTokens() throws Exception {
        connect();
        String token = connections.accessToken(firmId, userId).value();
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().delete("/api/v1/connections/clio").then()
                .statusCode(204);
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().get("/api/v1/connections/clio").then()
                .statusCode(200).body("state", equalTo("NOT_CONNECTED"));
        HttpResponse<String> whoAmI = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/api/v4/users/who_am_i.json"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whoAmI.statusCode()).as("token revoked at Clio").isEqualTo(401);
    }

    @Test
    void badRegionAndMissingTokenAreRefused() {
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).contentType("application/json")
                .body("{\"region\":\"MARS\"}").when().post("/api/v1/connections/clio").then()
                .statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{}").when().post("/api/v1/connections/clio").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.lawyer(firmId, userId)).when().get("/api/v1/connections/clio/firm").then()
                .statusCode(403);
    }

    private void expireAccessTokenNow() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE clio_connection SET access_token_expires_at = now() WHERE firm_id = ? AND user_id = ?")) {
            s.setString(1, firmId);
            s.setString(2, userId);
            s.executeUpdate();
        }
    }

    private void connect() throws Exception {
        OAuthFlow.connect(firmId, userId);
    }

    private Map<String, String> authorize() throws Exception {
        return OAuthFlow.authorize(firmId, userId);
    }

    private List<ConnectionStatusChangedV1> statusEvents() {
        String key = firmId + ":" + userId;
        try (ConsumerTask<String, String> task = companion.consumeStrings()
                .withGroupId("status-probe-" + UUID.randomUUID()).withProp("auto.offset.reset", "earliest")
                .fromTopics(Topic.CONNECTION_STATUS.topicName())) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !ours(task.getRecords(), key).isEmpty());
            // Give the relay a moment to publish the rest of this test's events, then read them all.
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
            return ours(task.getRecords(), key).stream()
                    .map(r -> EventCodec.shared().decode(r.value(), ConnectionStatusChangedV1.class)).toList();
        }
    }

    private static List<ConsumerRecord<String, String>> ours(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
