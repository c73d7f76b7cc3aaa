package com.caseclock.mattercache;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.caseclock.events.ActivityDescriptionRateChangedV1;
import com.caseclock.events.ActivityRateType;
import com.caseclock.events.ClientChangedV1;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.ClientSnapshot;
import com.caseclock.events.ContactType;
import com.caseclock.events.DomainEvent;
import com.caseclock.events.EventCodec;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterSnapshot;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.caseclock.events.Topic;
import com.caseclock.events.UserRateChangedV1;
import com.caseclock.testsupport.kafka.CloudEventRecords;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Test data and publishing helpers: events as clio-connector would publish them. */
public final class TestEvents {

    /** Clio updated_at base for test snapshots (fixed, so versions are easy to order). */
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private TestEvents() {
    }

    /** @return a firm id unique to a test */
    public static String firm() {
        return "firm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    public static MatterSnapshot matter(long id, String displayNumber, String description, MatterStatus status,
            Long clientId, String clientName, MatterCustomRate rate, Instant updatedAt) {
        return new MatterSnapshot(id, displayNumber, description, status, clientId, clientName, 77L, "Dana Lee", true,
                LocalDate.of(2024, 1, 15), null, status == MatterStatus.CLOSED ? LocalDate.of(2024, 6, 1) : null,
                rate, updatedAt, "\"etag-" + updatedAt.toEpochMilli() + "\"");
    }

    public static MatterChangedV1 matterChanged(String firmId, MatterSnapshot matter) {
        return new MatterChangedV1(UUID.randomUUID(), firmId, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1,
                matter);
    }

    public static ClientChangedV1 clientChanged(String firmId, long id, String name, Instant updatedAt) {
        return new ClientChangedV1(UUID.randomUUID(), firmId, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1,
                new ClientSnapshot(id, ContactType.COMPANY, name, null, null, null, updatedAt, null));
    }

    public static UserRateChangedV1 userRate(String firmId, long userId, String defaultRate, List<Long> groups,
            Instant updatedAt) {
        return new UserRateChangedV1(UUID.randomUUID(), firmId, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1,
                userId, "User " + userId, defaultRate == null ? null : usd(defaultRate), groups, updatedAt, null);
    }

    public static ClientRateChangedV1 clientRate(String firmId, long id, long contactId, Long userId, Long groupId,
            String rate, Instant updatedAt) {
        return new ClientRateChangedV1(UUID.randomUUID(), firmId, Instant.now().truncatedTo(ChronoUnit.MILLIS), 1,
                id, contactId, userId, groupId, usd(rate), false, updatedAt, null);
    }

    public static ActivityDescriptionRateChangedV1 activity(String firmId, long id, ActivityRateType type,
            String rate, Instant updatedAt) {
        return new ActivityDescriptionRateChangedV1(UUID.randomUUID(), firmId,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), 1, id, "Activity " + id, type,
                rate == null ? null : usd(rate), updatedAt, null);
    }

    public static ProducerRecord<String, String> record(DomainEvent event) {
        return CloudEventRecords.record(event.type().topic().topicName(), event.kafkaKey(), event.eventId(),
                event.type().ceType(), EventCodec.shared().encode(event));
    }

    /** @return a tombstone for the key, ce_time = now */
    public static ProducerRecord<String, String> tombstone(Topic topic, String key) {
        return CloudEventRecords.record(topic.topicName(), key, UUID.randomUUID(),
                topic.tombstoneCeType().orElseThrow(), null);
    }

    public static void publish(KafkaCompanion companion, DomainEvent... events) {
        publish(companion, Arrays.stream(events).map(TestEvents::record).toList());
    }

    public static void publish(KafkaCompanion companion, List<ProducerRecord<String, String>> records) {
        companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
    }

    /** @return the rows of a query as maps (column → value), in order */
    public static List<Map<String, Object>> rows(DataSource dataSource, String sql, Object... params)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        row.put(md.getColumnLabel(i), v instanceof BigDecimal b ? b.toPlainString()
                                : v instanceof java.sql.Array a ? Arrays.asList((Object[]) a.getArray())
                                        : v == null ? null : v.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
