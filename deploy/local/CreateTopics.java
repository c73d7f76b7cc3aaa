import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import com.caseclock.events.Topic;

/**
 * Creates every topic of the catalogue ({@code com.caseclock.events.Topic}) on a broker, with the catalogue's
 * partitions, cleanup policy and retention and replication factor 1 (one broker). Topics that exist are left alone (a
 * partition count that differs from the catalogue is reported). Waits for the broker to answer first, so it doubles as
 * the broker's readiness check.
 *
 * <p>Single-file program, run by {@code ./run-local.sh} on a classpath of {@code events/target/classes} and
 * kafka-clients: {@code java -cp CP deploy/local/CreateTopics.java BOOTSTRAP [TIMEOUT_SECONDS]}. Prints one line per
 * topic; exit status 1 if the broker never answered or refused a topic.
 */
public class CreateTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CreateTopics BOOTSTRAP_SERVERS [TIMEOUT_SECONDS]");
            System.exit(2);
        }
        String bootstrap = args[0];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = null;
            Exception last = null;
            while (existing == null && System.nanoTime() < deadline) {
                try {
                    existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(500);
                }
            }
            if (existing == null) {
                System.err.println("Kafka at " + bootstrap + " did not answer: " + last);
                System.exit(1);
            }
            List<NewTopic> missing = new ArrayList<>();
            for (Topic t : Topic.values()) {
                if (!existing.contains(t.topicName())) {
                    missing.add(new NewTopic(t.topicName(), t.partitions(), (short) 1).configs(t.topicConfigs()));
                }
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            Map<String, TopicDescription> described = admin.describeTopics(
                    Arrays.stream(Topic.values()).map(Topic::topicName).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            Set<String> created = new java.util.HashSet<>();
            missing.forEach(n -> created.add(n.name()));
            for (Topic t : Topic.values()) {
                int partitions = described.get(t.topicName()).partitions().size();
                String note = partitions == t.partitions() ? ""
                        : "  WARNING: catalogue says " + t.partitions() + " partitions";
                System.out.printf("  %-40s %-8s %d partitions, %s%s%n", t.topicName(),
                        created.contains(t.topicName()) ? "created" : "exists", partitions, t.topicConfigs().get("cleanup.policy"), note);
            }
        }
    }
}
