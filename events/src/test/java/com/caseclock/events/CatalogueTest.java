package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogueTest {

    private static final Pattern TOPIC_NAME = Pattern.compile("^[a-z0-9]+([.-][a-z0-9]+)*\\.v[0-9]+$");
    private static final Pattern CE_TYPE = Pattern.compile("^com\\.caseclock\\.[a-z0-9]+([.-][a-z0-9]+)*\\.v[0-9]+$");

    private final EventCodec codec = EventCodec.shared();

    @ParameterizedTest
    @EnumSource(Topic.class)
    void topicNamesFollowTheConvention(Topic topic) {
        assertThat(topic.topicName()).matches(TOPIC_NAME).doesNotContain("_");
        assertThat(topic.partitions()).isGreaterThanOrEqualTo(3);
        assertThat(topic.producer()).isNotBlank();
        assertThat(topic.consumers()).isNotEmpty();
        assertThat(topic.keyDescription()).isNotBlank();
        assertThat(Topic.byName(topic.topicName())).contains(topic);
    }

    @Test
    void topicNamesAreUnique() {
        List<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        assertThat(names).doesNotHaveDuplicates();
        assertThat(Topic.byName("no.such.topic.v1")).isEmpty();
        assertThat(Topic.byName(null)).isEmpty();
    }

    @Test
    void topicConfigsMatchPolicyAndRetention() {
        assertThat(Topic.MATTER_CHANGED.topicConfigs()).isEqualTo(Map.of("cleanup.policy", "compact", "retention.ms", "-1"));
        assertThat(Topic.TIME_ENTRY_APPROVAL.topicConfigs())
                .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "2592000000"));
        assertThat(Topic.CONNECTOR_COMMAND.retentionMs()).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(Topic.TIME_ENTRY_APPROVAL.partitions()).isEqualTo(6);
        assertThat(Topic.TIME_ENTRY_SYNC_RESULT.partitions()).isEqualTo(6);
        for (Topic topic : Topic.values()) {
            if (topic.cleanupPolicy() == CleanupPolicy.COMPACT) {
                assertThat(topic.retentionMs()).as(topic.name()).isEqualTo(Topic.RETAIN_FOREVER);
            } else {
                assertThat(topic.retentionMs()).as(topic.name()).isPositive();
            }
        }
    }

    @Test
    void tombstoneTypesExistForCompactedClioTopicsOnly() {
        assertThat(Topic.MATTER_CHANGED.tombstoneCeType()).contains("com.caseclock.clio.matter.deleted.v1");
        assertThat(Topic.CLIENT_CHANGED.tombstoneCeType()).contains("com.caseclock.clio.client.deleted.v1");
        assertThat(Topic.RATE_CHANGED.tombstoneCeType()).contains("com.caseclock.clio.rate.deleted.v1");
        for (Topic topic : Topic.values()) {
            topic.tombstoneCeType().ifPresent(t -> {
                assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.COMPACT);
                assertThat(t).matches(CE_TYPE);
                assertThat(EventType.byCeType(t)).as("tombstone type has no payload").isEmpty();
            });
            if (topic.cleanupPolicy() == CleanupPolicy.DELETE) {
                assertThat(topic.tombstoneCeType()).as(topic.name()).isEmpty();
            }
        }
    }

    @Test
    void everyConsumingServiceHasADeadLetterTopic() {
        for (Topic topic : Topic.values()) {
            if (topic.isDeadLetter()) {
                assertThat(topic.consumers()).containsExactly("support tooling");
                assertThat(topic.eventTypes()).isEmpty();
                assertThat(topic.cleanupPolicy()).isEqualTo(CleanupPolicy.DELETE);
                continue;
            }
            assertThat(topic.eventTypes()).as("event types of %s", topic).isNotEmpty();
            for (String consumer : topic.consumers()) {
                Optional<Topic> dlq = Topic.deadLetterFor(consumer);
                assertThat(dlq).as("dead-letter topic of %s", consumer).isPresent();
                assertThat(dlq.get().topicName()).isEqualTo(consumer + ".dead-letter.v1");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventTypesAreConsistent(EventType type) {
        assertThat(type.ceType()).matches(CE_TYPE).endsWith(".v1");
        assertThat(EventType.byCeType(type.ceType())).contains(type);
        assertThat(EventType.byPayloadClass(type.payloadClass())).contains(type);
        assertThat(Arrays.asList(Topic.values())).contains(type.topic());
        assertThat(type.topic().isDeadLetter()).isFalse();
        assertThat(type.topic().eventTypes()).contains(type);
        assertThat(type.schemaResource()).isEqualTo("/schemas/" + type.ceType() + ".schema.json");
        assertThat(type.payloadClass().isRecord()).isTrue();
        assertThat(type.payloadClass().getSimpleName()).endsWith("V1");
    }

    @Test
    void ceTypesAndPayloadClassesAreUnique() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::ceType)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadClass)).doesNotHaveDuplicates();
        assertThat(EventType.byCeType("nope")).isEmpty();
        assertThat(EventType.byCeType(null)).isEmpty();
    }

    @Test
    void kafkaKeysAndSubjectsFollowTheTopicFormats() {
        String entryId = "0b6e3f9a-8c2d-4e1f-a7b5-6d9c0e2f4a10";
        assertKeyAndSubject(EventType.MATTER_CHANGED, "obrien-mueller:1084211", "1084211");
        assertKeyAndSubject(EventType.CLIENT_CHANGED, "obrien-mueller:2207731", "2207731");
        assertKeyAndSubject(EventType.USER_RATE_CHANGED, "obrien-mueller:user:344120", "344120");
        assertKeyAndSubject(EventType.CLIENT_RATE_CHANGED, "obrien-mueller:client-rate:55012", "55012");
        assertKeyAndSubject(EventType.ACTIVITY_DESCRIPTION_RATE_CHANGED, "obrien-mueller:activity-description:81002", "81002");
        assertKeyAndSubject(EventType.TIME_ENTRY_APPROVED, entryId, entryId);
        assertKeyAndSubject(EventType.TIME_ENTRY_APPROVAL_UPDATED, entryId, entryId);
        assertKeyAndSubject(EventType.TIME_ENTRY_VOIDED, entryId, entryId);
        assertKeyAndSubject(EventType.TIME_ENTRY_SYNC_RESULT, entryId, entryId);
        assertKeyAndSubject(EventType.CONNECTION_STATUS_CHANGED, "obrien-mueller:u-siobhan.oconnor", "u-siobhan.oconnor");
        assertKeyAndSubject(EventType.RESYNC_FIRM_REQUESTED, "obrien-mueller", "obrien-mueller");
        assertKeyAndSubject(EventType.MATTER_LOOKUP_REQUESTED, "obrien-mueller", "obrien-mueller");
        assertKeyAndSubject(EventType.MATTER_LOOKUP_ANSWERED, "obrien-mueller", "obrien-mueller");
    }

    @Test
    void approvalEventsShareTheApprovalInterface() {
        for (EventType type : Topic.TIME_ENTRY_APPROVAL.eventTypes()) {
            DomainEvent event = codec.decode(Examples.validExample(type), type);
            assertThat(event).isInstanceOf(TimeEntryApprovalEvent.class);
            TimeEntryApprovalEvent approval = (TimeEntryApprovalEvent) event;
            assertThat(approval.timeEntryId()).isEqualTo(UUID.fromString("0b6e3f9a-8c2d-4e1f-a7b5-6d9c0e2f4a10"));
            assertThat(approval.userId()).isEqualTo("u-siobhan.oconnor");
            assertThat(approval.revision()).isPositive();
        }
    }

    @Test
    void eventKeysHelpersMatchTombstoneKeys() {
        assertThat(EventKeys.matter("f1", 7)).isEqualTo("f1:7");
        assertThat(EventKeys.client("f1", 8)).isEqualTo("f1:8");
        assertThat(EventKeys.userRate("f1", 9)).isEqualTo("f1:user:9");
        assertThat(EventKeys.clientRate("f1", 10)).isEqualTo("f1:client-rate:10");
        assertThat(EventKeys.activityDescriptionRate("f1", 11)).isEqualTo("f1:activity-description:11");
        assertThat(EventKeys.connection("f1", "u-2")).isEqualTo("f1:u-2");
        assertThat(EventKeys.firm("f1")).isEqualTo("f1");
    }

    @Test
    void headerHelpers() {
        assertThat(EventHeaders.source("clio-connector")).isEqualTo("/caseclock/clio-connector");
        assertThat(EventHeaders.CE_ID).isEqualTo("ce_id");
    }

    private void assertKeyAndSubject(EventType type, String key, String subject) {
        DomainEvent event = codec.decode(Examples.validExample(type), type);
        assertThat(event.kafkaKey()).as("key of %s", type).isEqualTo(key);
        assertThat(event.subject()).as("subject of %s", type).isEqualTo(subject);
    }
}
