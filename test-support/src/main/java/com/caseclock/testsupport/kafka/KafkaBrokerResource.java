package com.caseclock.testsupport.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Quarkus test resource that gives the application under test a real Kafka broker.
 *
 * <ul>
 * <li>By default an in-JVM KRaft broker ({@link EmbeddedKafkaBroker}), started once per JVM.</li>
 * <li>With {@code -Dcaseclock.test.kafka=container}, a Kafka container through testcontainers-kafka (needs Docker).</li>
 * </ul>
 * It creates every catalogue topic with its production partition count ({@link CatalogueTopics}), returns
 * {@code kafka.bootstrap.servers} for the application, and injects a SmallRye {@link KafkaCompanion} on the same broker
 * into test fields annotated {@link InjectKafkaCompanion}.
 *
 * <p>Register it once per module with {@code @WithTestResource(value = KafkaBrokerResource.class, scope =
 * TestResourceScope.GLOBAL)}; see {@code docs/testing.md}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    /** System property choosing the broker back end: {@code embedded} (default) or {@code container}. */
    public static final String BACKEND_PROPERTY = "caseclock.test.kafka";

    private KafkaCompanion companion;

    @Override
    public Map<String, String> start() {
        String bootstrapServers = bootstrapServers();
        CatalogueTopics.createAll(bootstrapServers);
        companion = new KafkaCompanion(bootstrapServers);
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    /**
     * Starts (once) the broker chosen by {@value #BACKEND_PROPERTY} and answers its bootstrap servers.
     *
     * @return {@code host:port}
     */
    public static String bootstrapServers() {
        return "container".equalsIgnoreCase(System.getProperty(BACKEND_PROPERTY, "embedded"))
                ? ContainerKafkaBroker.bootstrapServers()
                : EmbeddedKafkaBroker.bootstrapServers();
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        if (companion != null) {
            companion.close();
        }
        // The broker itself lives until the JVM ends: other test classes of the run share it.
    }
}
