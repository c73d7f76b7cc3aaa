package com.caseclock.connector.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.service.jdbc.Sql;

import io.agroal.api.AgroalDataSource;

/**
 * The sync bookkeeping tables ({@code firm_sync}, {@code sync_watermark}, {@code clio_record}; see
 * {@code V4__sync.sql}). Plain SQL: the lease claim needs {@code FOR UPDATE SKIP LOCKED}. Every method joins the
 * caller's transaction when there is one.
 */
@ApplicationScoped
public class SyncStore {

    /** The pending-change event that asks for a matter's rate amounts to be read again and republished. */
    public static final String RATES_CHANGED = "rates";

    private final AgroalDataSource dataSource;

    SyncStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A firm claimed for one sync run.
     *
     * @param resyncClosedMatters when a re-sync was asked for: whether it includes closed matters; else {@code null}
     */
    public record Claim(String firmId, String syncUserId, boolean backfillDone, boolean reconcileDue,
            Boolean resyncClosedMatters) {
    }

    /**
     * Where a resource's sync stands for a firm.
     *
     * @param updatedSince  the watermark of the last complete pass (null before the first)
     * @param passStartedAt when the pass in progress started (null when none)
     * @param nextPageUrl   where the pass in progress continues (null when none)
     * @param listingScope  which matters the pass in progress covers ({@link MatterScope#encoded()}; null: all)
     * @param listingPart   which of the scope's listings {@code nextPageUrl} belongs to
     */
    public record Watermark(Instant updatedSince, Instant passStartedAt, String nextPageUrl, boolean fullPass,
            String listingScope, int listingPart) {
    }

    /**
     * Makes sure a firm is synced, through the given user's connection; a firm seen for the first time is due at
     * once (its backfill).
     */
    public void ensureFirm(String firmId, String userId) {
        update("INSERT INTO firm_sync (firm_id, sync_user_id, next_poll_at, updated_at) VALUES (?, ?, now(), now()) "
                + "ON CONFLICT (firm_id) DO UPDATE SET sync_user_id = EXCLUDED.sync_user_id, next_poll_at = now(), "
                + "last_error = NULL, updated_at = now()", firmId, userId);
    }

    /**
     * Claims due firms not leased by anyone (or whose lease lapsed): {@code FOR UPDATE SKIP LOCKED}, so instances
     * never claim the same firm; a dead instance's lease lapses and another picks the firm up.
     *
     * @param owner this instance's id
     * @param lease how long the claim holds
     * @param limit the most firms to claim
     * @return the claimed firms
     */
    public List<Claim> claimDue(String owner, Duration lease, int limit) {
        String sql = "UPDATE firm_sync SET lease_owner = ?, lease_until = now() + (?::bigint * interval '1 millisecond') "
                + "WHERE firm_id IN (SELECT firm_id FROM firm_sync WHERE next_poll_at <= now() "
                + "AND (lease_until IS NULL OR lease_until < now()) ORDER BY next_poll_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) RETURNING firm_id, sync_user_id, backfill_completed_at IS NOT NULL, "
                + "backfill_completed_at IS NOT NULL AND next_reconcile_at IS NOT NULL AND next_reconcile_at <= now(), "
                + "resync_closed_matters";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, owner);
            s.setLong(2, lease.toMillis());
            s.setInt(3, limit);
            List<Claim> claims = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean closed = rs.getBoolean(5);
                    claims.add(new Claim(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            rs.wasNull() ? null : closed));
                }
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim firms to sync", e);
        }
    }

    /**
     * Extends this instance's leases on the firms it is still running, so a long run (a large backfill) keeps its
     * firm while a dead instance's firms lapse within one lease.
     *
     * @param owner   this instance's id
     * @param firmIds the firms it is running
     * @param lease   how long the renewed leases hold from now
     * @return the firms whose lease this instance still held (the others were lost, e.g. after a long pause)
     */
    public List<String> renewLeases(String owner, List<String> firmIds, Duration lease) {
        String sql = "UPDATE firm_sync SET lease_until = now() + (?::bigint * interval '1 millisecond') "
                + "WHERE lease_owner = ? AND firm_id = ANY (?) RETURNING firm_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, lease.toMillis());
            s.setString(2, owner);
            s.setArray(3, c.createArrayOf("text", firmIds.toArray()));
            List<String> held = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not renew sync leases", e);
        }
    }

    /**
     * Ends a run: releases the lease and schedules the next one in {@code nextIn}, or at once when the run succeeded
     * and webhooks reported changes meanwhile. A failed run keeps its delay even with changes pending: a firm Clio
     * throttles (429 with Retry-After) or that needs reconnecting is not run again every second.
     *
     * @param nextIn when to run again
     * @param error  plain words when the run failed, else {@code null}
     */
    public void release(String firmId, String owner, Duration nextIn, String error) {
        update("UPDATE firm_sync SET lease_owner = NULL, lease_until = NULL, "
                + "next_poll_at = CASE WHEN ?::text IS NULL AND EXISTS (SELECT 1 FROM pending_change p "
                + "WHERE p.firm_id = firm_sync.firm_id) THEN now() ELSE now() + (?::bigint * interval '1 millisecond') "
                + "END, last_error = ?, last_error_at = CASE WHEN ?::text IS NULL THEN last_error_at ELSE now() END, "
                + "updated_at = now() WHERE firm_id = ? AND lease_owner = ?", error, nextIn.toMillis(), error, error,
                firmId, owner);
    }

    /**
     * Marks the first backfill (or a reconciliation, or a re-sync) of a firm complete and schedules the next
     * reconciliation.
     */
    public void fullListingCompleted(String firmId, Duration reconcileInterval) {
        update("UPDATE firm_sync SET backfill_completed_at = COALESCE(backfill_completed_at, now()), "
                + "next_reconcile_at = now() + (?::bigint * interval '1 millisecond'), resync_closed_matters = NULL "
                + "WHERE firm_id = ?", reconcileInterval.toMillis(), firmId);
    }

    /**
     * Forces a full re-sync of a firm: every record is listed and published again (even unchanged ones), and
     * records gone from Clio get tombstones.
     *
     * @param includeClosedMatters whether closed matters are listed too (those of
     *                             {@code connector.sync.closed-matters}); without them only open and pending matters
     *                             are listed
     */
    public void forceResync(String firmId, boolean includeClosedMatters) {
        update("UPDATE firm_sync SET next_reconcile_at = now(), next_poll_at = now(), resync_closed_matters = "
                + "(COALESCE(resync_closed_matters, FALSE) OR ?) WHERE firm_id = ?", includeClosedMatters, firmId);
        update("UPDATE clio_record SET etag = NULL WHERE firm_id = ?", firmId);
        update("UPDATE sync_watermark SET next_page_url = NULL, pass_started_at = NULL, listing_scope = NULL, "
                + "listing_part = 0 WHERE firm_id = ?", firmId);
    }

    /** Marks records seen by a complete listing. */
    public void seen(String firmId, String resource, List<Long> clioIds, Instant passStart) {
        String sql = "UPDATE clio_record SET last_seen_at = ? WHERE firm_id = ? AND resource = ? AND clio_id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(passStart));
            s.setString(2, firmId);
            s.setString(3, resource);
            s.setArray(4, c.createArrayOf("bigint", clioIds.toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark records seen", e);
        }
    }

    /** @return known ids a complete listing started at {@code passStart} did not see */
    public List<Long> unseenSince(String firmId, String resource, Instant passStart) {
        String sql = "SELECT clio_id FROM clio_record WHERE firm_id = ? AND resource = ? "
                + "AND (last_seen_at IS NULL OR last_seen_at < ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setString(2, resource);
            s.setTimestamp(3, Timestamp.from(passStart));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read unseen records", e);
        }
    }

    /** @return the firm's sync state for display, or empty when the firm is not synced */
    public java.util.Optional<com.caseclock.connector.service.FirmSyncView> view(String firmId,
            List<com.caseclock.connector.service.FirmSyncView.WebhookState> webhooks) {
        String sql = "SELECT sync_user_id, backfill_completed_at IS NOT NULL, records_done, records_estimated, "
                + "next_poll_at, last_error, last_error_at FROM firm_sync WHERE firm_id = ?";
        String resources = "SELECT resource, last_success_at FROM sync_watermark WHERE firm_id = ? ORDER BY resource";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                PreparedStatement r = c.prepareStatement(resources)) {
            s.setString(1, firmId);
            r.setString(1, firmId);
            List<com.caseclock.connector.service.FirmSyncView.ResourceSync> perResource = new ArrayList<>();
            try (ResultSet rs = r.executeQuery()) {
                while (rs.next()) {
                    perResource.add(new com.caseclock.connector.service.FirmSyncView.ResourceSync(rs.getString(1),
                            instant(rs.getTimestamp(2))));
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
                long estimated = rs.getLong(4);
                return java.util.Optional.of(new com.caseclock.connector.service.FirmSyncView(rs.getString(1),
                        rs.getBoolean(2), rs.getLong(3), rs.wasNull() ? null : estimated,
                        instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)), perResource,
                        webhooks));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the firm's sync state", e);
        }
    }

    /** @return whether the firm is connected for sync (has a sync row) */
    public boolean isSynced(String firmId) {
        String sql = "SELECT 1 FROM firm_sync WHERE firm_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read firm_sync", e);
        }
    }

    /** Queues an on-demand matter lookup and makes the firm due now. */
    public void addLookup(java.util.UUID lookupId, String firmId, String query, String requestedBy) {
        update("INSERT INTO pending_lookup (lookup_id, firm_id, query, requested_by, received_at) "
                + "VALUES (?, ?, ?, ?, now()) ON CONFLICT (lookup_id) DO NOTHING", lookupId, firmId, query,
                requestedBy);
        update("UPDATE firm_sync SET next_poll_at = now() WHERE firm_id = ?", firmId);
    }

    /** A queued lookup. */
    public record Lookup(java.util.UUID lookupId, String query) {
    }

    /** Takes (and removes) the firm's queued lookups, in the caller's transaction. */
    public List<Lookup> takeLookups(String firmId, int limit) {
        String sql = "DELETE FROM pending_lookup WHERE lookup_id IN (SELECT lookup_id FROM pending_lookup "
                + "WHERE firm_id = ? ORDER BY received_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING lookup_id, query";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setInt(2, limit);
            List<Lookup> lookups = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lookups.add(new Lookup(rs.getObject(1, java.util.UUID.class), rs.getString(2)));
                }
            }
            return lookups;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take pending lookups", e);
        }
    }

    /** Adds to the backfill progress counter; {@code estimated} replaces the estimate when not null. */
    public void progress(String firmId, long done, Long estimated) {
        update("UPDATE firm_sync SET records_done = records_done + ?, "
                + "records_estimated = COALESCE(?::bigint, records_estimated) WHERE firm_id = ?", done, estimated, firmId);
    }

    /** @return the watermark of a firm's resource */
    public Watermark watermark(String firmId, String resource) {
        String sql = "SELECT updated_since, pass_started_at, next_page_url, full_pass, listing_scope, listing_part "
                + "FROM sync_watermark WHERE firm_id = ? AND resource = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setString(2, resource);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Watermark(null, null, null, false, null, 0);
                }
                return new Watermark(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), rs.getInt(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sync watermark", e);
        }
    }

    /**
     * Records that a pass started (or continues), whether it lists everything, where its next page is, and for a
     * complete listing of matters which matters it covers and which of its listings the next page belongs to.
     */
    public void passAt(String firmId, String resource, Instant passStartedAt, String nextPageUrl, boolean fullPass,
            String listingScope, int listingPart) {
        update("INSERT INTO sync_watermark (firm_id, resource, pass_started_at, next_page_url, full_pass, "
                + "listing_scope, listing_part) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (firm_id, resource) DO UPDATE "
                + "SET pass_started_at = EXCLUDED.pass_started_at, next_page_url = EXCLUDED.next_page_url, "
                + "full_pass = EXCLUDED.full_pass, listing_scope = EXCLUDED.listing_scope, "
                + "listing_part = EXCLUDED.listing_part", firmId, resource, Timestamp.from(passStartedAt), nextPageUrl,
                fullPass, listingScope, listingPart);
    }

    /** Completes a pass: its start becomes the watermark of the next one. */
    public void passCompleted(String firmId, String resource, Instant passStartedAt) {
        update("UPDATE sync_watermark SET updated_since = ?, pass_started_at = NULL, next_page_url = NULL, "
                + "full_pass = FALSE, listing_scope = NULL, listing_part = 0, last_success_at = now() "
                + "WHERE firm_id = ? AND resource = ?", Timestamp.from(passStartedAt), firmId, resource);
    }

    /**
     * Records a record as published unless we already published this version.
     *
     * @return {@code true} when the record is new or changed (publish it), {@code false} when unchanged
     */
    public boolean recordVersion(String firmId, String resource, long clioId, String etag, Instant updatedAt) {
        String sql = "INSERT INTO clio_record (firm_id, resource, clio_id, etag, clio_updated_at, published_at) "
                + "VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (firm_id, resource, clio_id) DO UPDATE SET "
                + "etag = EXCLUDED.etag, clio_updated_at = EXCLUDED.clio_updated_at, published_at = now() "
                + "WHERE clio_record.etag IS DISTINCT FROM EXCLUDED.etag";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setString(2, resource);
            s.setLong(3, clioId);
            s.setString(4, etag);
            s.setTimestamp(5, updatedAt == null ? null : Timestamp.from(updatedAt));
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a Clio record version", e);
        }
    }

    /**
     * @param clioIds records of one resource
     * @return the version last published of each of them that is known (absent: never published)
     */
    public java.util.Map<Long, String> publishedVersions(String firmId, String resource, List<Long> clioIds) {
        String sql = "SELECT clio_id, etag FROM clio_record WHERE firm_id = ? AND resource = ? AND clio_id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setString(2, resource);
            s.setArray(3, c.createArrayOf("bigint", clioIds.toArray()));
            java.util.Map<Long, String> versions = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    versions.put(rs.getLong(1), rs.getString(2));
                }
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read published versions", e);
        }
    }

    /**
     * Queues every published matter with custom rate lines for re-reading its rate amounts (a user's groups or a new
     * user change them without changing the matter), as pending changes the firm's next run applies.
     *
     * @return how many matters were queued
     */
    public int queueMatterRateRefresh(String firmId) {
        return Sql.update(dataSource, "Sync bookkeeping", "INSERT INTO pending_change "
                + "(firm_id, resource, clio_id, event, received_at) SELECT firm_id, resource, clio_id, ?, now() "
                + "FROM clio_record WHERE firm_id = ? AND resource = ? AND etag LIKE '%|rates:%' "
                + "ON CONFLICT (firm_id, resource, clio_id) DO NOTHING", RATES_CHANGED,
                firmId, SyncedResource.MATTERS.resourceName());
    }

    /**
     * Forgets a deleted record.
     *
     * @return {@code true} if it was known (so its tombstone must be published), {@code false} if already forgotten
     */
    public boolean forget(String firmId, String resource, long clioId) {
        String sql = "DELETE FROM clio_record WHERE firm_id = ? AND resource = ? AND clio_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, firmId);
            s.setString(2, resource);
            s.setLong(3, clioId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget a Clio record", e);
        }
    }

    private void update(String sql, Object... args) {
        Sql.update(dataSource, "Sync bookkeeping", sql, args);
    }

    private static Instant instant(Timestamp timestamp) {
        return Sql.instant(timestamp);
    }
}
