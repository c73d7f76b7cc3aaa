package com.caseclock.timeentry.repository;

/**
 * One matter of the slim local projection.
 *
 * @param clioId        Clio matter id
 * @param displayNumber Clio display number, e.g. {@code 00042-O'Brien}
 * @param description   description (may be empty)
 * @param clientName    client display name, or {@code null}
 * @param status        {@code OPEN}, {@code PENDING} or {@code CLOSED}
 */
public record MatterRow(long clioId, String displayNumber, String description, String clientName, String status) {

    /** @return {@code true} when Clio refuses time on the matter */
    public boolean closed() {
        return "CLOSED".equals(status);
    }
}
