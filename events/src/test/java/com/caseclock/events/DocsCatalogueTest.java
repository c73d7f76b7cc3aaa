package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/events.md must describe every topic and every event type of the code catalogue. */
class DocsCatalogueTest {

    private static String docs;

    @BeforeAll
    static void readDocs() throws Exception {
        Path path = Path.of("../docs/events.md");
        assertThat(path).as("docs/events.md relative to the events module").exists();
        docs = Files.readString(path, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void topicIsListed(Topic topic) {
        assertThat(docs.contains("`" + topic.topicName() + "`")).as("docs/events.md lists topic %s", topic.topicName()).isTrue();
        topic.tombstoneCeType().ifPresent(t -> assertThat(docs.contains(t)).as("docs/events.md lists tombstone %s", t).isTrue());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventTypeIsDescribed(EventType type) {
        assertThat(docs.contains("`" + type.ceType() + "`")).as("docs/events.md lists ce_type %s", type.ceType()).isTrue();
        assertThat(docs.contains(type.ceType() + ".schema.json")).as("schema link of %s", type).isTrue();
        assertThat(docs.contains("examples/" + type.ceType() + ".json")).as("example path of %s", type).isTrue();
        assertThat(docs.contains(type.payloadClass().getSimpleName())).as("record name of %s", type).isTrue();
        for (var component : type.payloadClass().getRecordComponents()) {
            assertThat(docs.contains("`" + component.getName() + "`"))
                    .as("docs/events.md describes field %s of %s", component.getName(), type).isTrue();
        }
    }
}
