package com.caseclock.connector.support;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.caseclock.events.FailureReason;

/**
 * Plain words for a failed event. A posting failure already carries posting's own explanation
 * ({@code dead-letter-reason} is {@code <FailureReason>: <plain words>}, the texts the lawyer sees in the sync result),
 * which is kept as is; other failures get the text of their reason code plus the error message.
 */
public final class FailureExplainer {

    /** Reason code of a record that could not be read (not JSON, schema violation, missing CloudEvents header). */
    public static final String INVALID_EVENT = "INVALID_EVENT";
    /** Reason code of a record whose handler failed for another reason. */
    public static final String HANDLER_ERROR = "HANDLER_ERROR";

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry(FailureReason.NEEDS_RECONNECT.name(),
                    "The user's Clio connection needs to be renewed: they must reconnect to Clio."),
            Map.entry(FailureReason.MATTER_NOT_FOUND.name(),
                    "The matter was not found in Clio (deleted there, or not visible to the user's Clio login)."),
            Map.entry(FailureReason.MATTER_CLOSED.name(),
                    "The matter is closed in Clio, so time cannot be recorded on it."),
            Map.entry(FailureReason.VALIDATION_REJECTED.name(), "Clio rejected the entry's data."),
            Map.entry(FailureReason.RATE_LIMITED.name(),
                    "Clio kept rate-limiting the connector beyond its retry budget."),
            Map.entry(FailureReason.CLIO_UNAVAILABLE.name(),
                    "Clio was unavailable (server errors or no answer) through every retry."),
            Map.entry(FailureReason.ACTIVITY_BILLED.name(),
                    "The Clio activity is already on a bill, so it can no longer be changed or deleted."),
            Map.entry(FailureReason.INTERNAL_ERROR.name(), "The connector failed unexpectedly."),
            Map.entry(INVALID_EVENT, "The event could not be read: it is not valid JSON, breaks its schema, or "
                    + "lacks its CloudEvents headers. Its producer must send it again corrected."),
            Map.entry(HANDLER_ERROR, "The connector could not process the event."));

    private FailureExplainer() {
    }

    /** @return every reason code a failed event can carry (the {@code reason} filter's values) */
    public static Set<String> codes() {
        Set<String> codes = new TreeSet<>(TEXTS.keySet());
        Arrays.stream(FailureReason.values()).map(Enum::name).forEach(codes::add);
        return codes;
    }

    /**
     * @param code    a reason code (see {@link #codes()})
     * @param message the dead letter's reason: for posting {@code <code>: <plain words>}, else an exception message;
     *                may be {@code null}
     * @return the plain-word explanation shown to support
     */
    public static String explain(String code, String message) {
        String prefix = code + ":";
        if (message != null && message.startsWith(prefix) && message.length() > prefix.length()) {
            return message.substring(prefix.length()).strip();
        }
        String text = TEXTS.getOrDefault(code, TEXTS.get(HANDLER_ERROR));
        return message == null || message.isBlank() ? text : text + " (" + message.strip() + ")";
    }
}
