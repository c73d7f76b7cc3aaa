package com.caseclock.testsupport.conventions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;

/**
 * What every CaseClock service must show when it boots against a real Kafka broker and a fresh PostgreSQL database:
 * readiness UP with real database and Kafka checks, liveness UP, migrations applied, an OpenAPI document, Prometheus
 * metrics. A service's test extends it with {@code @QuarkusTest} and supplies its data source.
 */
public abstract class AbstractServiceBootTest {

    /** @return the service's own data source (inject {@code AgroalDataSource}) */
    protected abstract DataSource dataSource();

    @Test
    void readinessIsUpAndChecksTheDatabaseAndKafka() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void migrationsAreAppliedToTheFreshDatabase() throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT count(*) FILTER (WHERE success), count(*) FILTER (WHERE NOT success) FROM flyway_schema_history")) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getInt(1)).as("applied migrations").isPositive();
                org.assertj.core.api.Assertions.assertThat(rs.getInt(2)).as("failed migrations").isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getString(1)).as("a per-run test database")
                        .startsWith("cc_test_");
            }
            try (ResultSet rs = s.executeQuery("SELECT to_regclass('processed_event') IS NOT NULL")) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getBoolean(1)).as("inbox table").isTrue();
            }
        }
    }

    @Test
    void servesOpenApiAndPrometheusMetrics() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", containsString("3."));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
