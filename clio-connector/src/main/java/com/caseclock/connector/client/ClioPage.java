package com.caseclock.connector.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One page of a Clio list endpoint (https://docs.developers.clio.com/api-docs/paging).
 *
 * @param data the records (a JSON array)
 * @param next the absolute URL of the next page ({@code meta.paging.next}), or {@code null} on the last page
 */
public record ClioPage(JsonNode data, String next) {
}
