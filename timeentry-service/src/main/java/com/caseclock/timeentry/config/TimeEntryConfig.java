package com.caseclock.timeentry.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of timeentry-service, under the prefix {@code timeentry}. Each property can also be set through its environment
 * variable (upper case, dots and hyphens as underscores).
 */
@ConfigMapping(prefix = "timeentry")
public interface TimeEntryConfig {

    /**
     * {@code timeentry.event-source}: the CloudEvents {@code ce_source} this service writes on the events it publishes.
     *
     * @return a URI reference, default {@code /caseclock/timeentry-service}
     */
    @WithDefault("/caseclock/timeentry-service")
    URI eventSource();
}
