package com.caseclock.mattercache.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.caseclock.events.InvalidEventException;
import com.caseclock.mattercache.service.ConsumerPositions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies the records of one channel in batches, one database transaction per batch, so ingest is not bound by one
 * commit (one WAL flush) per record.
 *
 * <p>The channel's {@code @Incoming} method hands each message to {@link #submit}; a dedicated thread takes up to
 * {@code maxBatch} of them in arrival (partition) order, reads and validates each ({@link BatchHandler#read}) and nacks
 * poison records at once, applies the rest in one transaction, then acknowledges them. If that transaction fails, the
 * records are applied one transaction each (retried {@value #ATTEMPTS} times for transient failures), so one bad
 * record cannot hold back the others. A nacked message goes to the dead-letter topic through the channel's failure
 * strategy. Offsets are committed by the connector's throttled strategy only once every earlier record is acked or
 * dead-lettered, so nothing is lost if the service stops mid-batch; what is redelivered is skipped by the inbox.
 */
public final class RecordBatcher {

    private static final Logger LOG = Logger.getLogger(RecordBatcher.class);
    private static final int ATTEMPTS = 3;
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final String channel;
    private final BatchHandler handler;
    private final ConsumerPositions positions;
    private final int maxBatch;
    private final int highWater;
    private final LinkedBlockingQueue<Message<String>> queue = new LinkedBlockingQueue<>();
    private volatile CompletableFuture<Void> spaceWaiter;
    private volatile boolean running = true;
    private Thread thread;

    /**
     * @param channel   channel name (thread name, logs)
     * @param handler   what to do with the records
     * @param positions where handled offsets are recorded (consumer lag)
     * @param maxBatch  most records per transaction
     */
    public RecordBatcher(String channel, BatchHandler handler, ConsumerPositions positions, int maxBatch) {
        this.channel = channel;
        this.handler = handler;
        this.positions = positions;
        this.maxBatch = maxBatch;
        this.highWater = maxBatch * 4;
    }

    /**
     * Queues a message. The returned stage completes at once, or once the queue has room again (back-pressure on
     * the channel).
     *
     * @param message the incoming Kafka message
     * @return when the next message may be submitted
     */
    public synchronized CompletionStage<Void> submit(Message<String> message) {
        if (thread == null) {
            thread = new Thread(this::run, "matter-cache-batcher-" + channel);
            thread.setDaemon(true);
            thread.start();
        }
        queue.add(message);
        if (queue.size() < highWater) {
            return DONE;
        }
        CompletableFuture<Void> wait = new CompletableFuture<>();
        spaceWaiter = wait;
        if (queue.size() < highWater) {
            spaceWaiter = null;
            wait.complete(null);
        }
        return wait;
    }

    /** Stops the thread after the current batch (records not yet acked are redelivered after a restart). */
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        List<Message<String>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Message<String> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    handle(batch);
                    batch.clear();
                }
                CompletableFuture<Void> waiter = spaceWaiter;
                if (waiter != null && queue.size() < highWater) {
                    spaceWaiter = null;
                    waiter.complete(null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Batch of %s failed unexpectedly", channel);
                batch.clear();
            }
        }
    }

    private void handle(List<Message<String>> messages) {
        List<Delivered> valid = new ArrayList<>(messages.size());
        for (Message<String> message : messages) {
            ConsumerRecord<String, String> record = record(message);
            try {
                valid.add(new Delivered(message, record, handler.read(record)));
            } catch (RuntimeException e) {
                done(message, record, e);
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> handler.apply(valid));
            valid.forEach(d -> done(d.message(), d.record(), null));
        } catch (RuntimeException batchFailure) {
            if (valid.size() > 1) {
                LOG.warnf("A batch of %d records of %s failed (%s); applying them one by one", valid.size(), channel,
                        batchFailure.toString());
            }
            for (Delivered d : valid) {
                done(d.message(), d.record(), applyAlone(d));
            }
        }
    }

    private RuntimeException applyAlone(Delivered d) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handler.apply(List.of(d)));
                return null;
            } catch (InvalidEventException e) {
                return e;
            } catch (RuntimeException e) {
                last = e;
                if (attempt < ATTEMPTS) {
                    sleep(Duration.ofMillis(200L << attempt));
                }
            }
        }
        return last;
    }

    private void done(Message<String> message, ConsumerRecord<String, String> record, Throwable failure) {
        positions.handled(record.topic(), record.partition(), record.offset());
        if (failure == null) {
            message.ack();
        } else {
            LOG.debugf("Record %s-%d@%d of %s dead-lettered: %s", record.topic(), record.partition(), record.offset(),
                    channel, failure.getMessage());
            message.nack(failure);
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> record(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a Kafka message"));
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
