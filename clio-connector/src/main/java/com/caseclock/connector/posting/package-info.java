/**
 * Posting approved time entries to Clio exactly once (issue 6).
 *
 * <p>Flow: {@code messaging.ApprovalConsumer} records the event in the inbox and, in the same transaction,
 * {@link com.caseclock.connector.posting.PostingIntake} writes one {@code posting_job} per time entry (latest revision
 * wins, a void supersedes, every answered event id kept); the Kafka offset is committed once that is durable, and Clio
 * is never called on the consumer thread. {@link com.caseclock.connector.posting.PostingScheduler} claims due jobs
 * per firm with a lease ({@code FOR UPDATE SKIP LOCKED}), runs one firm's jobs serially and different firms in
 * parallel, parks a firm on a 429 ({@code posting_firm_throttle}), retries 5xx/timeouts by rescheduling with
 * exponential backoff and jitter, and finally records the outcome: the {@code TimeEntrySyncResultV1} for every
 * answered event goes into the outbox in the same transaction that ends the job.
 * {@link com.caseclock.connector.posting.EntryPoster} does the Clio work.
 *
 * <p>Exactly once: {@code activity_mapping} holds IN_FLIGHT (with the exact create body) committed before the POST,
 * then the Clio id. A job that finds IN_FLIGHT does not post again before looking the activity up in Clio (same
 * matter, user, date, quantity and note, not already mapped to another entry), and only after the earlier attempt has
 * settled: at once after a 5xx answer, after {@code connector.posting.in-flight-settle} when no answer came or the
 * worker died (the job lease is longer than the settle time, so a crashed instance's job is picked up only then).
 */
package com.caseclock.connector.posting;
