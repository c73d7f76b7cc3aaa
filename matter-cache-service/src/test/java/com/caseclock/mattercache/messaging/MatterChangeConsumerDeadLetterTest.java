package com.caseclock.mattercache.messaging;

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
class MatterChangeConsumerDeadLetterTest extends AbstractDeadLetterTest {

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
        return Topic.MATTER_CHANGED;
    }

    @Override
    protected Topic deadLetterTopic() {
        return Topic.MATTER_CACHE_DEAD_LETTER;
    }

    @Override
    protected String consumerName() {
        return MatterChangeConsumer.CHANNEL;
    }

    @Override
    protected DomainEvent validEvent(UUID eventId, String firmId) {
        return SampleEvents.forTopic(Topic.MATTER_CHANGED, eventId, firmId);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
