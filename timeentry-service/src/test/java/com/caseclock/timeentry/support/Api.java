package com.caseclock.timeentry.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import com.caseclock.testsupport.security.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Small helpers for calling the API as a given user in tests. */
public final class Api {

    private Api() {
    }

    /** @return a firm id unique to the calling test */
    public static String uniqueFirm() {
        return "firm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return a request as a lawyer of the firm */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** @return a lawyer's token */
    public static String lawyer(String firm, String user) {
        return TestTokens.lawyer(firm, user);
    }

    /** Creates an entry as that token, expecting 201. @return the response */
    public static Response create(String token, Map<String, ?> body) {
        return as(token).body(body).post("/api/v1/time-entries").then().statusCode(201).extract().response();
    }

    /** @return the ETag of an entry, read with GET */
    public static String etag(String token, String id) {
        return as(token).get("/api/v1/time-entries/" + id).then().statusCode(200).extract().header("ETag");
    }
}
