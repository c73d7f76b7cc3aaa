package com.caseclock.mattercache.repository;

import java.time.Instant;

import com.caseclock.events.ContactType;

/**
 * One cached client (Clio contact), as last applied from {@code clio.client.changed.v1}.
 *
 * @param firmId        tenant id
 * @param clioId        Clio contact id
 * @param type          person or company
 * @param name          display name
 * @param firstName     first name, or {@code null}
 * @param lastName      last name, or {@code null}
 * @param primaryEmail  primary e-mail, or {@code null}
 * @param clioUpdatedAt Clio {@code updated_at} (the version)
 * @param clioEtag      Clio ETag, or {@code null}
 * @param match         how it matched a search, or {@code null} outside a search
 */
public record ClientRecord(String firmId, long clioId, ContactType type, String name, String firstName,
        String lastName, String primaryEmail, Instant clioUpdatedAt, String clioEtag, MatchKind match) {
}
