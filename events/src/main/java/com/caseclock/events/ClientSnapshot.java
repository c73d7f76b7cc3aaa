package com.caseclock.events;

import java.time.Instant;

/**
 * Normalised Clio contact that is a client, as carried by {@link ClientChangedV1}.
 *
 * @param clioId        Clio contact id (positive)
 * @param type          person or company, not {@code null}
 * @param name          display name, not {@code null}, e.g. {@code "O'Brien & Müller LLP"}
 * @param firstName     first name, {@code null} for companies or if unknown
 * @param lastName      last name, {@code null} for companies or if unknown
 * @param primaryEmail  primary e-mail address, {@code null} if none
 * @param clioUpdatedAt Clio's {@code updated_at}, UTC, not {@code null}
 * @param clioEtag      Clio's ETag, {@code null} if Clio sent none
 */
public record ClientSnapshot(
        long clioId,
        ContactType type,
        String name,
        String firstName,
        String lastName,
        String primaryEmail,
        Instant clioUpdatedAt,
        String clioEtag) {
}
