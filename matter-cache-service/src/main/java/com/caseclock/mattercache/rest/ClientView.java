package com.caseclock.mattercache.rest;

import java.time.Instant;
import java.util.List;

import com.caseclock.events.Money;
import com.caseclock.mattercache.repository.ClientRateRecord;
import com.caseclock.mattercache.repository.ClientRecord;
import com.caseclock.mattercache.repository.MatchKind;

/**
 * A client (Clio contact) as the API shows it.
 *
 * @param id            Clio contact id
 * @param type          {@code PERSON} or {@code COMPANY}
 * @param name          display name
 * @param firstName     first name, or {@code null}
 * @param lastName      last name, or {@code null}
 * @param primaryEmail  primary e-mail, or {@code null}
 * @param clioUpdatedAt Clio {@code updated_at} of the cached version
 * @param match         in search results: {@code EXACT}, {@code PREFIX} or {@code FUZZY}; else {@code null}
 * @param rates         the client's custom rates ({@code GET /api/v1/clients/{id}} only, else {@code null})
 */
public record ClientView(long id, String type, String name, String firstName, String lastName, String primaryEmail,
        Instant clioUpdatedAt, MatchKind match, List<Rate> rates) {

    /**
     * A client custom rate.
     *
     * @param id       Clio id of the rate record
     * @param userId   Clio user it applies to, or {@code null}
     * @param groupId  Clio group it applies to, or {@code null} (both {@code null}: everyone)
     * @param rate     per hour, or a flat amount if {@code flatRate}
     * @param flatRate whether {@code rate} is a flat amount
     */
    public record Rate(long id, Long userId, Long groupId, Money rate, boolean flatRate) {
    }

    static ClientView of(ClientRecord c, List<ClientRateRecord> rates) {
        return new ClientView(c.clioId(), c.type().name(), c.name(), c.firstName(), c.lastName(), c.primaryEmail(),
                c.clioUpdatedAt(), c.match(), rates == null ? null
                        : rates.stream().map(r -> new Rate(r.clioId(), r.userClioId(), r.groupClioId(), r.rate(),
                                r.flatRate())).toList());
    }
}
