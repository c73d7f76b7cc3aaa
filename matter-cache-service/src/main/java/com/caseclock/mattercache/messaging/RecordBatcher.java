package com.caseclock.mattercache.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.caseclock.events.InvalidEventException;
import com.caseclock.events.kafka.ReceivedEvent;
import com.caseclock.mattercache.service.ConsumerPositions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies the records of one channel in batches, one database transaction per batch, so ingest is not bound by one
 * commit (one WAL flush) per record.
 *
 * <p>The channel's {@code @Incoming} method hands each message to {@link #submit}. Two threads work on them in arrival
 * (partition) order, so reading runs while the database applies the previous batch: a reader reads and validates each
 * record ({@link BatchHandler#read}, JSON Schema validation being the costliest step in the JVM); an applier takes up
 * to {@code maxBatch} read records, nacks the poison ones, applies the rest in one transaction, then acknowledges
 * them. If that transaction fails, the
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
    private final LinkedBlockingQueue<Message<String>> incoming = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Read> ready = new LinkedBlockingQueue<>();
    /** Messages submitted and not yet acked or nacked. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile CompletableFuture<Void> spaceWaiter;
    private volatile boolean running = true;
    private Thread reader;
    private Thread applier;

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
        if (applier == null) {
            reader = thread("matter-cache-reader-", this::read);
            applier = thread("matter-cache-batcher-", this::apply);
        }
        incoming.add(message);
        if (pending.incrementAndGet() < highWater) {
            return DONE;
        }
        CompletableFuture<Void> wait = new CompletableFuture<>();
        spaceWaiter = wait;
        if (pending.get() < highWater) {
            spaceWaiter = null;
            wait.complete(null);
        }
        return wait;
    }

    /** Stops the threads after the current batch (records not yet acked are redelivered after a restart). */
    public void stop() {
        running = false;
        if (applier != null) {
            reader.interrupt();
            applier.interrupt();
        }
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name + channel);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void read() {
        while (running) {
            try {
                Message<String> message = incoming.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    ConsumerRecord<String, String> record = record(message);
                    try {
                        ready.add(new Read(message, record, handler.read(record), null));
                    } catch (RuntimeException e) {
                        ready.add(new Read(message, record, null, e));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void apply() {
        List<Read> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Read first = ready.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    ready.drainTo(batch, maxBatch - 1);
                    handle(batch);
                    pending.addAndGet(-batch.size());
                    batch.clear();
                }
                CompletableFuture<Void> waiter = spaceWaiter;
                if (waiter != null && pending.get() < highWater) {
                    spaceWaiter = null;
                    waiter.complete(null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Batch of %s failed unexpectedly", channel);
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /** A record read by the reader: its event, or why it is poison. */
    private record Read(Message<String> message, ConsumerRecord<String, String> record, ReceivedEvent event,
            RuntimeException failure) {
    }

    private void handle(List<Read> reads) {
        List<Delivered> valid = new ArrayList<>(reads.size());
        for (Read r : reads) {
            if (r.failure() == null) {
                valid.add(new Delivered(r.message(), r.record(), r.event()));
            } else {
                done(r.message(), r.record(), r.failure());
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
