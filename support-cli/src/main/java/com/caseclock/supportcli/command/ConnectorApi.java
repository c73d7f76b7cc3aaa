package com.caseclock.supportcli.command;

/**
 * Paths of clio-connector's support API ({@code com.caseclock.connector.rest.SupportResource}; role support, firm
 * admins see only their firm), described in {@code docs/runbook.md}.
 */
final class ConnectorApi {

    /** {@code GET}: search failed events; {@code ?firmId&userId&entryId&matterId&reason&state&from&to&page&size}. */
    static final String FAILURES = "/api/v1/support/failures";
    /** {@code POST}: replay every failed event matching a filter (JSON body). */
    static final String REPLAY_MATCHING = "/api/v1/support/failures/replay";

    private ConnectorApi() {
    }

    /** @return {@code GET}: one failed event with its history */
    static String failure(String id) {
        return FAILURES + "/" + id;
    }

    /** @return {@code POST}: replay one failed event */
    static String replay(String id) {
        return FAILURES + "/" + id + "/replay";
    }

    /** @return {@code POST}: mark one failed event resolved, body {@code {"comment": …}} */
    static String resolve(String id) {
        return FAILURES + "/" + id + "/resolve";
    }

    /** @return {@code POST}: full re-sync of a firm, body {@code {"includeClosedMatters": …}} */
    static String resync(String firmId) {
        return "/api/v1/support/firms/" + firmId + "/resync";
    }

    /** @return {@code POST}: look up one matter in Clio, body {@code {"displayNumber": …}} or {@code {"name": …}} */
    static String lookup(String firmId) {
        return "/api/v1/support/firms/" + firmId + "/matter-lookups";
    }

    /** @return {@code GET}: a lookup's answer, {@code {lookupId, status: PENDING|ANSWERED, answer}} */
    static String lookupAnswer(String firmId, String lookupId) {
        return lookup(firmId) + "/" + lookupId;
    }
}
