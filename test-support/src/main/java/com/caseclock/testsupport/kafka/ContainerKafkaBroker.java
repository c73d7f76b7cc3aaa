package com.caseclock.testsupport.kafka;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a container through testcontainers-kafka, used only when a test run asks for it with
 * {@code -Dcaseclock.test.kafka=container} and a Docker engine is reachable. The default is {@link EmbeddedKafkaBroker}.
 *
 * <p>Started at most once per JVM; Testcontainers' reaper removes the container when the JVM ends.
 */
final class ContainerKafkaBroker {

    /** Image of the same Kafka version as the clients (see the root pom's {@code kafka.version}). */
    static final String IMAGE = "apache/kafka-native:4.1.2";

    private static KafkaContainer container;

    private ContainerKafkaBroker() {
    }

    /**
     * @return the container's bootstrap servers
     * @throws IllegalStateException when no Docker engine is reachable: the run asked for a container explicitly, so it
     *         fails rather than silently falling back to the embedded broker
     */
    static synchronized String bootstrapServers() {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("-Dcaseclock.test.kafka=container was given but no Docker engine is "
                        + "reachable; run without it to use the embedded KRaft broker");
            }
            KafkaContainer started = new KafkaContainer(IMAGE);
            started.start();
            container = started;
        }
        return container.getBootstrapServers();
    }
}
