package com.caseclock.mattercache.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.ActivityDescriptionRateChangedV1;
import com.caseclock.events.ActivityRateType;
import com.caseclock.events.ClientRateChangedV1;
import com.caseclock.events.EventKeys;
import com.caseclock.events.UserRateChangedV1;

import io.agroal.api.AgroalDataSource;

/**
 * The rate tables ({@code user_rate}, {@code client_rate}, {@code activity_description}) fed by
 * {@code clio.rate.changed.v1}: version-guarded upserts, deletes with deletion markers, and the reads the rate
 * explanation needs. Deletion marker kinds are the rate kinds of the topic key ({@link EventKeys#RATE_KIND_USER} …).
 * A snapshot replaces the stored row when it is newer ({@link VersionGuard}).
 */
@ApplicationScoped
public class RateRepository {

    private static final String UPSERT_USER = """
            INSERT INTO user_rate (firm_id, user_clio_id, user_name, default_rate_amount, default_rate_currency,
                group_clio_ids, clio_updated_at, clio_etag, last_event_id, event_occurred_at, applied_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() WHERE %s
            ON CONFLICT (firm_id, user_clio_id) DO UPDATE SET
                user_name = excluded.user_name, default_rate_amount = excluded.default_rate_amount,
                default_rate_currency = excluded.default_rate_currency, group_clio_ids = excluded.group_clio_ids,
                clio_updated_at = excluded.clio_updated_at, clio_etag = excluded.clio_etag,
                last_event_id = excluded.last_event_id, event_occurred_at = excluded.event_occurred_at,
                applied_at = excluded.applied_at
            WHERE %s
            """.formatted(DeletionMarkers.NOT_DELETED_SINCE, VersionGuard.newerThanStored("user_rate"));

    private static final String UPSERT_CLIENT_RATE = """
            INSERT INTO client_rate (firm_id, clio_id, contact_clio_id, user_clio_id, group_clio_id, rate_amount,
                rate_currency, flat_rate, clio_updated_at, clio_etag, last_event_id, event_occurred_at, applied_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() WHERE %s
            ON CONFLICT (firm_id, clio_id) DO UPDATE SET
                contact_clio_id = excluded.contact_clio_id, user_clio_id = excluded.user_clio_id,
                group_clio_id = excluded.group_clio_id, rate_amount = excluded.rate_amount,
                rate_currency = excluded.rate_currency, flat_rate = excluded.flat_rate,
                clio_updated_at = excluded.clio_updated_at, clio_etag = excluded.clio_etag,
                last_event_id = excluded.last_event_id, event_occurred_at = excluded.event_occurred_at,
                applied_at = excluded.applied_at
            WHERE %s
            """.formatted(DeletionMarkers.NOT_DELETED_SINCE, VersionGuard.newerThanStored("client_rate"));

    private static final String UPSERT_ACTIVITY = """
            INSERT INTO activity_description (firm_id, clio_id, name, rate_type, rate_amount, rate_currency,
                clio_updated_at, clio_etag, last_event_id, event_occurred_at, applied_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now() WHERE %s
            ON CONFLICT (firm_id, clio_id) DO UPDATE SET
                name = excluded.name, rate_type = excluded.rate_type, rate_amount = excluded.rate_amount,
                rate_currency = excluded.rate_currency, clio_updated_at = excluded.clio_updated_at,
                clio_etag = excluded.clio_etag, last_event_id = excluded.last_event_id,
                event_occurred_at = excluded.event_occurred_at, applied_at = excluded.applied_at
            WHERE %s
            """.formatted(DeletionMarkers.NOT_DELETED_SINCE,
                    VersionGuard.newerThanStored("activity_description"));

    private final AgroalDataSource dataSource;

    RateRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param e the user rate event
     * @return {@link ApplyOutcome#STALE} when nothing changed
     */
    public ApplyOutcome upsert(UserRateChangedV1 e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT_USER)) {
            int i = 1;
            s.setString(i++, e.firmId());
            s.setLong(i++, e.userClioId());
            s.setString(i++, e.userName());
            Sql.setAmount(s, i++, e.defaultRate());
            Sql.setCurrency(s, i++, e.defaultRate());
            s.setArray(i++, c.createArrayOf("bigint", e.groupClioIds().toArray()));
            Sql.setInstant(s, i++, e.clioUpdatedAt());
            s.setString(i++, e.clioEtag());
            s.setObject(i++, e.eventId());
            Sql.setInstant(s, i++, e.occurredAt());
            DeletionMarkers.bind(s, i, e.firmId(), EventKeys.RATE_KIND_USER, e.userClioId(), e.clioUpdatedAt());
            return s.executeUpdate() == 1 ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
        } catch (SQLException ex) {
            throw Sql.failure("Upsert of user rate " + e.kafkaKey(), ex);
        }
    }

    /**
     * @param e the client rate event
     * @return {@link ApplyOutcome#STALE} when nothing changed
     */
    public ApplyOutcome upsert(ClientRateChangedV1 e) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(UPSERT_CLIENT_RATE)) {
            int i = 1;
            s.setString(i++, e.firmId());
            s.setLong(i++, e.clioId());
            s.setLong(i++, e.contactClioId());
            Sql.setLong(s, i++, e.userClioId());
            Sql.setLong(s, i++, e.groupClioId());
            Sql.setAmount(s, i++, e.rate());
            Sql.setCurrency(s, i++, e.rate());
            s.setBoolean(i++, e.flatRate());
            Sql.setInstant(s, i++, e.clioUpdatedAt());
            s.setString(i++, e.clioEtag());
            s.setObject(i++, e.eventId());
            Sql.setInstant(s, i++, e.occurredAt());
            DeletionMarkers.bind(s, i, e.firmId(), EventKeys.RATE_KIND_CLIENT_RATE, e.clioId(), e.clioUpdatedAt());
            return s.executeUpdate() == 1 ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
        } catch (SQLException ex) {
            throw Sql.failure("Upsert of client rate " + e.kafkaKey(), ex);
        }
    }

    /**
     * @param e the activity description event
     * @return {@link ApplyOutcome#STALE} when nothing changed
     */
    public ApplyOutcome upsert(ActivityDescriptionRateChangedV1 e) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(UPSERT_ACTIVITY)) {
            int i = 1;
            s.setString(i++, e.firmId());
            s.setLong(i++, e.clioId());
            s.setString(i++, e.name());
            s.setString(i++, e.rateType().name());
            Sql.setAmount(s, i++, e.rate());
            Sql.setCurrency(s, i++, e.rate());
            Sql.setInstant(s, i++, e.clioUpdatedAt());
            s.setString(i++, e.clioEtag());
            s.setObject(i++, e.eventId());
            Sql.setInstant(s, i++, e.occurredAt());
            DeletionMarkers.bind(s, i, e.firmId(), EventKeys.RATE_KIND_ACTIVITY_DESCRIPTION, e.clioId(),
                    e.clioUpdatedAt());
            return s.executeUpdate() == 1 ? ApplyOutcome.APPLIED : ApplyOutcome.STALE;
        } catch (SQLException ex) {
            throw Sql.failure("Upsert of activity description " + e.kafkaKey(), ex);
        }
    }

    /**
     * Deletes a rate record (tombstone) and leaves a deletion marker.
     *
     * @param firmId    tenant id
     * @param kind      rate kind of the key: {@code user}, {@code client-rate} or {@code activity-description}
     * @param clioId    Clio id from the key
     * @param deletedAt the tombstone's time
     * @throws IllegalArgumentException for an unknown kind
     */
    public void delete(String firmId, String kind, long clioId, Instant deletedAt) {
        String table;
        String idColumn = "clio_id";
        switch (kind) {
            case EventKeys.RATE_KIND_USER -> {
                table = "user_rate";
                idColumn = "user_clio_id";
            }
            case EventKeys.RATE_KIND_CLIENT_RATE -> table = "client_rate";
            case EventKeys.RATE_KIND_ACTIVITY_DESCRIPTION -> table = "activity_description";
            default -> throw new IllegalArgumentException("Unknown rate kind " + kind);
        }
        try (Connection c = dataSource.getConnection()) {
            DeletionMarkers.delete(c, table, idColumn, firmId, kind, clioId, deletedAt);
        } catch (SQLException e) {
            throw Sql.failure("Delete of " + kind + " " + firmId + ":" + clioId, e);
        }
    }

    /**
     * @param firmId     tenant id
     * @param userClioId Clio user id
     * @return the user's default rate and groups, empty if not (yet) synced
     */
    public Optional<UserRateRecord> findUser(String firmId, long userClioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT user_clio_id, user_name, default_rate_amount, default_rate_currency, group_clio_ids, "
                        + "clio_updated_at FROM user_rate WHERE firm_id = ? AND user_clio_id = ?")) {
            s.setString(1, firmId);
            s.setLong(2, userClioId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Array groups = rs.getArray("group_clio_ids");
                List<Long> groupIds = Arrays.stream((Long[]) groups.getArray()).toList();
                return Optional.of(new UserRateRecord(rs.getLong("user_clio_id"), rs.getString("user_name"),
                        Sql.getMoney(rs, "default_rate_amount", "default_rate_currency"), groupIds,
                        Sql.getInstant(rs, "clio_updated_at")));
            }
        } catch (SQLException e) {
            throw Sql.failure("Reading user rate " + userClioId, e);
        }
    }

    /**
     * @param firmId        tenant id
     * @param contactClioId the client's Clio contact id
     * @return the client's custom rates, ordered by Clio id
     */
    public List<ClientRateRecord> findClientRates(String firmId, long contactClioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT clio_id, contact_clio_id, user_clio_id, group_clio_id, rate_amount, rate_currency, flat_rate "
                        + "FROM client_rate WHERE firm_id = ? AND contact_clio_id = ? ORDER BY clio_id")) {
            s.setString(1, firmId);
            s.setLong(2, contactClioId);
            List<ClientRateRecord> rates = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rates.add(new ClientRateRecord(rs.getLong("clio_id"), rs.getLong("contact_clio_id"),
                            Sql.getLong(rs, "user_clio_id"), Sql.getLong(rs, "group_clio_id"),
                            Sql.getMoney(rs, "rate_amount", "rate_currency"), rs.getBoolean("flat_rate")));
                }
            }
            return rates;
        } catch (SQLException e) {
            throw Sql.failure("Reading client rates of " + contactClioId, e);
        }
    }

    /**
     * @param firmId tenant id
     * @param clioId Clio activity description id
     * @return the activity description, empty if not (yet) synced
     */
    public Optional<ActivityDescriptionRecord> findActivityDescription(String firmId, long clioId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT clio_id, name, rate_type, rate_amount, rate_currency FROM activity_description "
                        + "WHERE firm_id = ? AND clio_id = ?")) {
            s.setString(1, firmId);
            s.setLong(2, clioId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new ActivityDescriptionRecord(rs.getLong("clio_id"), rs.getString("name"),
                                ActivityRateType.valueOf(rs.getString("rate_type")),
                                Sql.getMoney(rs, "rate_amount", "rate_currency")))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("Reading activity description " + clioId, e);
        }
    }
}
