package com.caseclock.mattercache.service;

import com.caseclock.service.problem.ProblemException;

/**
 * A validated page request: 1-based page number and page size.
 *
 * @param page page number, 1 or more
 * @param size rows per page, 1..{@link #MAX_SIZE}
 */
public record PageRequest(int page, int size) {

    /** Default page size. */
    public static final int DEFAULT_SIZE = 20;
    /** Largest page size. */
    public static final int MAX_SIZE = 100;
    /** Largest page number (keeps OFFSET bounded). */
    public static final int MAX_PAGE = 500;

    /**
     * @param page page number as given, {@code null} for 1
     * @param size page size as given, {@code null} for {@link #DEFAULT_SIZE}
     * @return the request
     * @throws ProblemException 400 when a value is out of range
     */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1 || p > MAX_PAGE) {
            throw ProblemException.badRequest("page", "must be between 1 and " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    /** @return rows to skip */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
