package com.caseclock.timeentry.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Read-only look-ups in the transactional outbox table {@code outbox_event} (written by
 * {@code com.caseclock.service.outbox.OutboxStore}), for diagnostics: was an event recorded, and when was it
 * published to Kafka.
 */
@ApplicationScoped
public class OutboxEventRepository {

    private final EntityManager em;

    OutboxEventRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * One recorded event and its publication state.
     *
     * @param eventId    the event id (CloudEvents {@code ce_id})
     * @param topic      the topic it is (or will be) published on
     * @param ceType     its CloudEvents type
     * @param recordedAt when it was recorded, UTC
     * @param sentAt     when the relay published it, UTC, or {@code null} while it waits
     * @param attempts   failed publication attempts so far
     * @param lastError  the last publication error, or {@code null}
     */
    public record Publication(UUID eventId, String topic, String ceType, Instant recordedAt, Instant sentAt,
            int attempts, String lastError) {
    }

    /**
     * @param eventIds event ids (may be empty)
     * @return the recorded events among them, by id; an id missing from the map was never recorded here or its row
     *         was removed by housekeeping after publication
     */
    public Map<UUID, Publication> find(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        List<?> rows = em.createNativeQuery("SELECT event_id, topic, ce_type, created_at, sent_at, attempts, last_error"
                + " FROM outbox_event WHERE event_id IN (?1)")
                .setParameter(1, List.copyOf(eventIds)).getResultList();
        return rows.stream().map(o -> {
            Object[] r = (Object[]) o;
            return new Publication((UUID) r[0], (String) r[1], (String) r[2], instant(r[3]), instant(r[4]),
                    ((Number) r[5]).intValue(), (String) r[6]);
        }).collect(Collectors.toMap(Publication::eventId, Function.identity()));
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant()
                : value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }
}
