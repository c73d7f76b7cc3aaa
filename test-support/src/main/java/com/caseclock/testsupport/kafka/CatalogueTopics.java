package com.caseclock.testsupport.kafka;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import com.caseclock.events.Topic;

/**
 * Creates every topic of the catalogue ({@link Topic}) with its production partition count and configuration, so tests
 * see the same partitioning (and so the same ordering hazards) as production. Topics that exist already are left as they
 * are.
 */
public final class CatalogueTopics {

    private CatalogueTopics() {
    }

    /**
     * Creates the catalogue's topics on a broker (replication factor 1: test and local brokers have one node).
     *
     * @param bootstrapServers {@code host:port} of the broker
     * @return the names of the topics the catalogue defines
     * @throws IllegalStateException if the broker does not answer within 60 seconds or refuses a topic
     */
    public static Set<String> createAll(String bootstrapServers) {
        List<NewTopic> topics = java.util.Arrays.stream(Topic.values())
                .map(t -> new NewTopic(t.topicName(), t.partitions(), (short) 1).configs(t.topicConfigs()))
                .toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not create the catalogue's topics on " + bootstrapServers, e);
        }
        return topics.stream().map(NewTopic::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
