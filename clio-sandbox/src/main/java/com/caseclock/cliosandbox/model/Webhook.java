package com.caseclock.cliosandbox.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A webhook subscription (SPEC {@code components.schemas.Webhook_base}; tag "Webhooks"). */
public final class Webhook extends Entity {
    public String url;
    public String fields;
    public String sharedSecret;
    /** {@code matter}, {@code contact}, {@code activity}, … */
    public String model;
    /** {@code pending}, {@code enabled} or {@code suspended}. */
    public String status = "pending";
    public List<String> events = new ArrayList<>();
    public Instant expiresAt;
    public Long userId;
    /** Records this webhook has already reported (Clio: the first update of an unseen record always fires). */
    public final Set<Long> seenRecordIds = new HashSet<>();
}
