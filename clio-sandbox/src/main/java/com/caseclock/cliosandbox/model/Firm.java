package com.caseclock.cliosandbox.model;

import java.time.Instant;
import java.util.TreeMap;

/**
 * One Clio account (a law firm) and everything it owns. Maps are ordered by id; nothing is shared between firms.
 * Guarded by the {@link com.caseclock.cliosandbox.store.SandboxState} lock.
 */
public final class Firm {
    /** Stable key used by CaseClock and the admin API, e.g. {@code harbor-pine}. */
    public final String key;
    /** Clio account id ({@code account{id}} in who_am_i). */
    public final long accountId;
    public String name;
    public Instant createdAt;
    public final BillingSettings billing = new BillingSettings();
    public int nextMatterNumber = 1;

    public final TreeMap<Long, User> users = new TreeMap<>();
    public final TreeMap<Long, Group> groups = new TreeMap<>();
    public final TreeMap<Long, Contact> contacts = new TreeMap<>();
    public final TreeMap<Long, Matter> matters = new TreeMap<>();
    public final TreeMap<Long, Activity> activities = new TreeMap<>();
    public final TreeMap<Long, ActivityRate> activityRates = new TreeMap<>();
    public final TreeMap<Long, ActivityDescription> activityDescriptions = new TreeMap<>();
    public final TreeMap<Long, Webhook> webhooks = new TreeMap<>();

    public Firm(String key, long accountId, String name) {
        this.key = key;
        this.accountId = accountId;
        this.name = name;
    }
}
