package com.caseclock.mattercache.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Typed configuration of matter-cache-service, under the prefix {@code matter-cache}. Each property can also be set through its environment
 * variable (upper case, dots and hyphens as underscores).
 */
@ConfigMapping(prefix = "matter-cache")
public interface MatterCacheConfig {

    /**
     * {@code matter-cache.event-source}: the CloudEvents {@code ce_source} this service writes on the events it publishes.
     *
     * @return a URI reference, default {@code /caseclock/matter-cache-service}
     */
    @WithDefault("/caseclock/matter-cache-service")
    URI eventSource();
}
