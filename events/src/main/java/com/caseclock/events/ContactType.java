package com.caseclock.events;

/** Kind of a Clio contact. */
public enum ContactType {
    /** A natural person. */
    PERSON,
    /** A company or organisation. */
    COMPANY
}
