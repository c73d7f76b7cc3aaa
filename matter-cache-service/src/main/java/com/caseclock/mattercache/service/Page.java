package com.caseclock.mattercache.service;

import java.util.List;

/**
 * One page of results.
 *
 * @param items   the results of this page, ranked
 * @param page    1-based page number
 * @param size    requested page size
 * @param hasMore whether a next page exists
 * @param <T>     item type
 */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

    /**
     * @param fetched  up to {@code size + 1} rows (one extra tells whether more exist)
     * @param request  the page request
     * @param <T>      item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean more = fetched.size() > request.size();
        return new Page<>(more ? fetched.subList(0, request.size()) : fetched, request.page(), request.size(), more);
    }
}
