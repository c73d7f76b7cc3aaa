package com.caseclock.timeentry.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import com.caseclock.events.MatterStatus;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Puts matters into the service's projection through the real topic. */
public final class Matters {

    private Matters() {
    }

    /**
     * Publishes a matter and waits until the service has projected it.
     *
     * @return its Clio id
     */
    public static long known(KafkaCompanion companion, DataSource ds, String firm, String displayNumber,
            MatterStatus status) {
        long clioId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        Events.publish(companion, Events.matter(firm, clioId, displayNumber, status, Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(ds,
                "SELECT count(*) FROM matter_projection WHERE firm_id = ? AND clio_id = ?", firm, clioId) == 1);
        return clioId;
    }
}
