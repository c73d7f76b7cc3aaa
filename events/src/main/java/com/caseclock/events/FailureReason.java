package com.caseclock.events;

/** Why a push to Clio failed. */
public enum FailureReason {
    /** The user's Clio authorisation is missing, expired or revoked; the user must reconnect. */
    NEEDS_RECONNECT,
    /** The matter does not exist in Clio (deleted, or not visible to the user). */
    MATTER_NOT_FOUND,
    /** The matter is closed in Clio. */
    MATTER_CLOSED,
    /** Clio rejected the entry's data (HTTP 422 or similar). */
    VALIDATION_REJECTED,
    /** Clio rate limited the connector (HTTP 429) and retries were exhausted. */
    RATE_LIMITED,
    /** Clio was unreachable or answered 5xx and retries were exhausted. */
    CLIO_UNAVAILABLE,
    /** The Clio activity is already on a bill and can no longer be changed or deleted. */
    ACTIVITY_BILLED,
    /** A bug or unexpected error in the connector. */
    INTERNAL_ERROR
}
