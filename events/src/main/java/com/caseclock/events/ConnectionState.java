package com.caseclock.events;

/** State of a user's connection to Clio. */
public enum ConnectionState {
    /** Tokens are valid; pushes work. */
    CONNECTED,
    /** Tokens were rejected or expired; the user must reconnect before anything syncs. */
    NEEDS_RECONNECT,
    /** The user disconnected (or never connected). */
    DISCONNECTED
}
