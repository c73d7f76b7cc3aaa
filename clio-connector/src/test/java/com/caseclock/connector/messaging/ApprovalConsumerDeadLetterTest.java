package com.caseclock.connector.messaging;

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
class ApprovalConsumerDeadLetterTest extends AbstractDeadLetterTest {

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
        return Topic.TIME_ENTRY_APPROVAL;
    }

    @Override
    protected Topic deadLetterTopic() {
        return Topic.CONNECTOR_DEAD_LETTER;
    }

    @Override
    protected String consumerName() {
        return ApprovalConsumer.CHANNEL;
    }

    @Override
    protected DomainEvent validEvent(UUID eventId, String firmId) {
        return SampleEvents.forTopic(Topic.TIME_ENTRY_APPROVAL, eventId, firmId);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }
}
