package com.caseclock.timeentry.messaging;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.caseclock.events.DomainEvent;
import com.caseclock.events.Topic;
import com.caseclock.testsupport.conventions.AbstractDeadLetterTest;
import com.caseclock.testsupport.events.SampleEvents;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class SyncResultConsumerDeadLetterTest extends AbstractDeadLetterTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    AgroalDataSource dataSource;

    @Override
    protected KafkaCompanion companion() {
        return companion;
    }

    @Override
    protected Topic consumedTopic() {
        return Topic.TIME_ENTRY_SYNC_RESULT;
    }

    @Override
    protected Topic deadLetterTopic() {
        return Topic.TIMEENTRY_DEAD_LETTER;
    }

    @Override
    protected String consumerName() {
        return SyncResultConsumer.CHANNEL;
    }

    @Override
    protected DomainEvent validEvent(UUID eventId, String firmId) {
        return SampleEvents.forTopic(Topic.TIME_ENTRY_SYNC_RESULT, eventId, firmId);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
