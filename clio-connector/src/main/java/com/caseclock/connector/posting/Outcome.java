package com.caseclock.connector.posting;

import java.time.Duration;

import com.caseclock.events.FailureReason;

/** What one run of a posting job came to; {@link PostingScheduler} records it. */
sealed interface Outcome {

    /**
     * The job is answered: SYNCED, VOIDED, or FAILED for good (until the entry or Clio changes).
     *
     * @param failed the job ends FAILED (else DONE)
     */
    record Finished(SyncResults.Draft draft, boolean failed) implements Outcome {
    }

    /** Clio was unavailable (5xx, timeout) or something unexpected happened: retry with backoff, bounded. */
    record Retry(FailureReason reason, String message, Integer clioStatus) implements Outcome {
    }

    /** Clio answered 429: the firm waits {@code wait}; the job goes back untouched. */
    record Throttled(Duration retryAfter, String message) implements Outcome {
    }

    /** The user's connection needs a reconnect: park the job until it is CONNECTED again. */
    record WaitingForConnection(String message) implements Outcome {
    }

    /** Not yet: an earlier request may still be executing at Clio; try again after {@code delay}, no attempt spent. */
    record Deferred(Duration delay) implements Outcome {
    }
}
