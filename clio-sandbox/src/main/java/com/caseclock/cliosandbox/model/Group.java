package com.caseclock.cliosandbox.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A group of users. Types as in SPEC {@code components.schemas.Group_base}: {@code UserGroup}, {@code AdhocGroup},
 * {@code AccountGroup} (the firm-wide "everyone" group), {@code TeamGroup}. Groups have no rate of their own; a
 * "group rate" is a matter custom rate or a client rate pointing at a group.
 */
public final class Group extends Entity {
    public String name;
    public String type = "AdhocGroup";
    public Set<Long> userIds = new LinkedHashSet<>();
}
