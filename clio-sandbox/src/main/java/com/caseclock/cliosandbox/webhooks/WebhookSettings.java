package com.caseclock.cliosandbox.webhooks;

import java.time.Duration;

/**
 * Delivery settings. Clio retries failed deliveries 5 times with a doubling backoff starting at 2 minutes
 * (https://developers.support.clio.com/hc/en-us/articles/360050277853 ); tests use a base of milliseconds.
 *
 * @param retryBase       first retry delay; each next retry doubles it
 * @param maxRetries      retries after the first attempt (Clio: 5)
 * @param deliveryTimeout how long to wait for the receiver; a timeout counts as a failure ("a short period")
 */
public record WebhookSettings(Duration retryBase, int maxRetries, Duration deliveryTimeout) {
    public static WebhookSettings clioDefaults() {
        return new WebhookSettings(Duration.ofMinutes(2), 5, Duration.ofSeconds(10));
    }
}
