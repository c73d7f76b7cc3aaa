package com.caseclock.cliosandbox.journal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Every request on a Clio path (method, path, query, body, response status), oldest first, so tests can assert what a
 * connector sent. Admin paths ({@code /_sandbox/…}) are not recorded. Keeps the last {@code capacity} entries.
 * Thread-safe.
 */
public final class RequestJournal {
    private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Clock clock;
    private final int capacity;

    public RequestJournal(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    public void record(String method, String path, String query, String body, int status, String firmKey) {
        JournalEntry e = new JournalEntry(sequence.incrementAndGet(), clock.instant(), method, path, query,
                body == null ? "" : body, status, firmKey);
        synchronized (entries) {
            entries.addLast(e);
            while (entries.size() > capacity) entries.removeFirst();
        }
    }

    public List<JournalEntry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public List<JournalEntry> entries(Predicate<JournalEntry> filter) {
        return entries().stream().filter(filter).toList();
    }

    /** Entries whose method matches and whose path contains {@code pathPart}. */
    public List<JournalEntry> find(String method, String pathPart) {
        return entries(e -> e.method().equalsIgnoreCase(method) && e.path().contains(pathPart));
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
