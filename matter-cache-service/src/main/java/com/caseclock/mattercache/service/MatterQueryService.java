package com.caseclock.mattercache.service;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.caseclock.events.MatterStatus;
import com.caseclock.mattercache.repository.MatterHit;
import com.caseclock.mattercache.repository.MatterRecord;
import com.caseclock.mattercache.repository.MatterRepository;
import com.caseclock.mattercache.repository.MatterSearchRepository;
import com.caseclock.service.problem.ProblemException;

/** Reads matters of one firm: search and lookup by id. Validates the caller's parameters (400 on bad input). */
@ApplicationScoped
public class MatterQueryService {

    /** Longest accepted search text. */
    public static final int MAX_QUERY_LENGTH = 200;

    private final MatterRepository matters;
    private final MatterSearchRepository search;

    MatterQueryService(MatterRepository matters, MatterSearchRepository search) {
        this.matters = matters;
        this.search = search;
    }

    /**
     * @param firmId the caller's firm
     * @param q      search text (display number, description, client name), may be {@code null} or blank
     * @param status comma-separated statuses ({@code open}, {@code pending}, {@code closed}); {@code null} or blank
     *               means open and pending (closed matters only when asked for)
     * @param page   the page
     * @return the ranked page
     * @throws ProblemException 400 for an unknown status or a query longer than {@value #MAX_QUERY_LENGTH}
     */
    public Page<MatterHit> search(String firmId, String q, String status, PageRequest page) {
        checkQuery(q);
        Set<MatterStatus> statuses = statuses(status);
        return Page.of(search.search(firmId, q, statuses, page.size() + 1, page.offset()), page);
    }

    /**
     * @param firmId the caller's firm
     * @param clioId Clio matter id
     * @return the matter
     * @throws ProblemException 404 when the firm has no such matter in the cache (also for another firm's matter)
     */
    public MatterRecord get(String firmId, long clioId) {
        return matters.find(firmId, clioId).orElseThrow(() -> ProblemException.notFound("Matter " + clioId));
    }

    /**
     * @param q search text, may be {@code null}
     * @throws ProblemException 400 naming {@code q} when it is longer than {@value #MAX_QUERY_LENGTH} characters or
     *                          holds a NUL character or a lone surrogate (which PostgreSQL cannot take as text)
     */
    static void checkQuery(String q) {
        if (q == null) {
            return;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.badRequest("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == 0) {
                throw ProblemException.badRequest("q", "must not contain a NUL character");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < q.length() && Character.isLowSurrogate(q.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw ProblemException.badRequest("q", "must not contain a lone UTF-16 surrogate");
            }
        }
    }

    static Set<MatterStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return EnumSet.of(MatterStatus.OPEN, MatterStatus.PENDING);
        }
        Set<MatterStatus> statuses = EnumSet.noneOf(MatterStatus.class);
        for (String s : status.split(",")) {
            try {
                statuses.add(MatterStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "must be one of open, pending, closed (comma-separated)");
            }
        }
        if (statuses.isEmpty()) {
            throw ProblemException.badRequest("status", "must be one of open, pending, closed (comma-separated)");
        }
        return statuses;
    }
}
