package com.caseclock.connector.sync;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.client.ClioPage;
import com.caseclock.connector.client.ClioRegion;
import com.caseclock.connector.client.ClioUnavailable;

import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Fetches one list page from Clio, retrying when Clio fails or does not answer (5xx, timeout, reset) with exponential
 * backoff and jitter (SmallRye Fault Tolerance). A 429 is not retried here: the caller parks the firm until
 * {@code Retry-After} has passed, so one throttled firm never holds a thread that other firms need.
 */
@ApplicationScoped
public class PageFetcher {

    private final ClioApiClient api;

    PageFetcher(ClioApiClient api) {
        this.api = api;
    }

    /**
     * @return the page
     * @throws ClioUnavailable after the retries are spent
     * @throws com.caseclock.connector.client.ClioApiException on a 4xx (not retried)
     */
    @Retry(maxRetries = 3, delay = 200, delayUnit = ChronoUnit.MILLIS, jitter = 100, retryOn = ClioUnavailable.class)
    @ExponentialBackoff(factor = 3, maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public ClioPage fetch(ClioRegion region, String accessToken, String url) {
        return api.page(region, accessToken, url);
    }
}
