package com.caseclock.connector;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.caseclock.testsupport.security.TestTokens;

/**
 * Plays a user and their browser through the OAuth authorization code flow against the connector and the Clio
 * sandbox (which must be set to auto-consent as some Clio user).
 */
public final class OAuthFlow {

    private OAuthFlow() {
    }

    /** Starts a connection and follows Clio's consent: answers the redirect's query parameters (code, state). */
    public static Map<String, String> authorize(String firmId, String userId) throws Exception {
        String authorizeUrl = given().auth().oauth2(TestTokens.lawyer(firmId, userId)).contentType("application/json")
                .body("{\"region\":\"US\"}").when().post("/api/v1/connections/clio").then().statusCode(200)
                .extract().path("authorizeUrl");
        HttpResponse<String> consent = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(consent.statusCode()).isEqualTo(302);
        URI location = URI.create(consent.headers().firstValue("Location").orElseThrow());
        return Arrays.stream(location.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    /** Runs the whole flow and checks the connection is made. */
    public static void connect(String firmId, String userId) throws Exception {
        given().queryParams(authorize(firmId, userId)).when().get("/api/v1/connections/clio/callback").then()
                .statusCode(200).body("state", equalTo("CONNECTED"));
    }
}
