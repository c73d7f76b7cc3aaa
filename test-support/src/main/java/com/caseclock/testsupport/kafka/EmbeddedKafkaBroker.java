package com.caseclock.testsupport.kafka;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.jboss.logging.Logger;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running inside the test JVM, built on Kafka's
 * own test kit ({@code org.apache.kafka.common.test.KafkaClusterTestKit}, artifact
 * {@code org.apache.kafka:kafka-test-common-runtime}, same version as the client).
 *
 * <p>The broker is started at most once per JVM and shared by every test class, so Quarkus application restarts between
 * test profiles neither pay the start-up cost again nor lose topics mid-suite. It listens on a random port chosen by the
 * test kit (custom ports are not supported by the kit). It is closed by a JVM shutdown hook.
 *
 * <p>Single-node settings are mandatory: without a replication factor of 1 for {@code __consumer_offsets} and the
 * transaction state log the broker loops on INVALID_REPLICATION_FACTOR and no consumer group ever forms.
 *
 * <p>Kafka's exit and halt procedures are replaced, so a broker fault fails the test instead of ending the JVM.
 */
public final class EmbeddedKafkaBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedKafkaBroker.class);

    /** Broker settings for a one-node cluster. */
    static final Map<String, String> SINGLE_NODE_SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "3",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false",
            "num.partitions", "3",
            "delete.topic.enable", "true",
            "log.cleaner.backoff.ms", "1000");

    private static KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker() {
    }

    /**
     * Starts the broker if it is not running yet and answers its bootstrap servers.
     *
     * @return the bootstrap servers, {@code host:port}
     * @throws IllegalStateException if the broker cannot be formatted or started
     */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            cluster = start();
        }
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker part of the node, as if the broker crashed or was taken down: clients can no longer produce or
     * consume until {@link #startBroker()}. The KRaft controller keeps running and the listener port stays reserved
     * by the test kit's pre-bound socket factory, so the broker comes back on the same bootstrap address.
     *
     * @throws IllegalStateException if the broker was never started
     */
    public static synchronized void stopBroker() {
        kafka.server.BrokerServer broker = broker();
        broker.shutdown();
        broker.awaitShutdown();
        LOG.info("Embedded KRaft broker stopped");
    }

    /**
     * Starts the broker again after {@link #stopBroker()} and waits until it is ready, on the same address.
     *
     * @throws IllegalStateException if the broker was never started or does not come back
     */
    public static synchronized void startBroker() {
        kafka.server.BrokerServer broker = broker();
        try {
            broker.startup();
            cluster.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the embedded Kafka broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not restart the embedded Kafka broker", e);
        }
        LOG.infof("Embedded KRaft broker restarted at %s", cluster.bootstrapServers());
    }

    private static kafka.server.BrokerServer broker() {
        if (cluster == null) {
            throw new IllegalStateException("The embedded Kafka broker is not running");
        }
        return cluster.brokers().values().iterator().next();
    }

    private static KafkaClusterTestKit start() {
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka broker tried to exit with status " + status + ": " + message);
        });
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("Embedded Kafka broker tried to halt with status " + status + ": " + message);
        });
        long started = System.nanoTime();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SINGLE_NODE_SETTINGS.forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(kit), "embedded-kafka-shutdown"));
            LOG.infof("Embedded KRaft broker ready at %s in %d ms", kit.bootstrapServers(),
                    (System.nanoTime() - started) / 1_000_000);
            return kit;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    private static void closeQuietly(KafkaClusterTestKit kit) {
        try {
            kit.close();
        } catch (Exception e) {
            LOG.debug("Error while closing the embedded Kafka broker", e);
        }
    }
}
