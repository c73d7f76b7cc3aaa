package com.caseclock.mattercache.rest;

/**
 * Body of {@code POST /api/v1/matters/lookups}.
 *
 * @param query the missing matter's display number or text, 1..200 characters
 */
public record LookupRequest(String query) {
}
