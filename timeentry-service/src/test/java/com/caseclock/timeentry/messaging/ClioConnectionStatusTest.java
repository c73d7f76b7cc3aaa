package com.caseclock.timeentry.messaging;

import static com.caseclock.timeentry.support.Api.as;
import static com.caseclock.timeentry.support.Api.lawyer;
import static com.caseclock.timeentry.support.Api.uniqueFirm;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.caseclock.events.ConnectionState;
import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.timeentry.support.Db;
import com.caseclock.timeentry.support.Events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** {@code GET /api/v1/integrations/clio} from the connection-status topic: latest state per user wins. */
@QuarkusTest
class ClioConnectionStatusTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void showsTheLatestStateOfTheCallerEvenWhenAnOlderOneArrivesLater() {
        String firm = uniqueFirm();
        String token = lawyer(firm, "dana");
        as(token).get("/api/v1/integrations/clio").then().statusCode(200).body("status", equalTo("unknown"))
                .body("connected", equalTo(false));

        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConnectionStatusChangedV1 broken = status(firm, "dana", ConnectionState.NEEDS_RECONNECT, t0,
                "Clio rejected the saved sign-in");
        ConnectionStatusChangedV1 olderConnected = status(firm, "dana", ConnectionState.CONNECTED, t0.minusSeconds(60),
                null);
        ConnectionStatusChangedV1 colleague = status(firm, "sam", ConnectionState.CONNECTED, t0, null);
        Events.publish(companion, broken);
        Events.publish(companion, olderConnected);
        Events.publish(companion, colleague);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(dataSource,
                "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id IN (?, ?)",
                ConnectionStatusConsumer.CHANNEL, olderConnected.eventId(), colleague.eventId()) == 2);

        as(token).get("/api/v1/integrations/clio").then().statusCode(200)
                .body("status", equalTo("needsReconnect"))
                .body("needsReconnect", equalTo(true))
                .body("connected", equalTo(false))
                .body("reason", equalTo("Clio rejected the saved sign-in"))
                .body("region", equalTo("US"))
                .body("lastSuccessfulSyncAt", equalTo(t0.minusSeconds(30).toString()));
        as(lawyer(firm, "sam")).get("/api/v1/integrations/clio").then().body("status", equalTo("connected"))
                .body("reason", nullValue());
    }

    private static ConnectionStatusChangedV1 status(String firm, String user, ConnectionState state, Instant at,
            String reason) {
        return new ConnectionStatusChangedV1(UUID.randomUUID(), firm, at, 1, user, state, "US", 3_001L, 7_001L, reason,
                at.minusSeconds(30));
    }
}
