package com.caseclock.connector.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of clio-connector, under the prefix {@code connector}. Each property can also be set through its environment
 * variable (upper case, dots and hyphens as underscores).
 */
@ConfigMapping(prefix = "connector")
public interface ConnectorConfig {

    /**
     * {@code connector.event-source}: the CloudEvents {@code ce_source} this service writes on the events it publishes.
     *
     * @return a URI reference, default {@code /caseclock/clio-connector}
     */
    @WithDefault("/caseclock/clio-connector")
    URI eventSource();
}
