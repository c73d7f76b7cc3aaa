package com.caseclock.connector.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;

import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.service.outbox.OutboxRelay;
import com.caseclock.service.outbox.OutboxStore;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes the connector's outbox (connection status now; matter, client and rate snapshots and sync results as they
 * come) through the {@code outbox-out} channel, every {@code connector.outbox.interval} (default 1 s).
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final int BATCH = 200;

    private final OutboxRelay relay;

    @Inject
    OutboxPublisher(AgroalDataSource dataSource, @Channel("outbox-out") MutinyEmitter<String> emitter,
            ConnectorConfig config, Clock clock) {
        this.relay = new OutboxRelay(new OutboxStore(dataSource),
                m -> emitter.sendMessage(m).subscribeAsCompletionStage(), config.eventSource(), BATCH,
                Duration.ofSeconds(10), clock);
    }

    /** Publishes until the outbox is empty or a send fails. */
    @Scheduled(every = "${connector.outbox.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publish() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(relay::relayBatch);
        } while (sent == BATCH);
    }
}
