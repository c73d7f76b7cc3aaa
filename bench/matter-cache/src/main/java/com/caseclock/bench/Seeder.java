package com.caseclock.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import com.caseclock.events.EventCodec;
import com.caseclock.events.EventHeaders;
import com.caseclock.events.MatterChangedV1;
import com.caseclock.events.Topic;

/**
 * Creates the catalogue's topics (if missing) and publishes matter snapshots as clio-connector would:
 * {@code Seeder <bootstrap> <firm,firm,...> <mattersPerFirm>}.
 */
public final class Seeder {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String[] firms = args[1].split(",");
        int perFirm = Integer.parseInt(args[2]);
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin a = Admin.create(admin)) {
            Set<String> existing = a.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic t : Topic.values()) {
                if (!existing.contains(t.topicName())) {
                    missing.add(new NewTopic(t.topicName(), t.partitions(), (short) 1).configs(t.topicConfigs()));
                }
            }
            if (!missing.isEmpty()) {
                a.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        }
        if (perFirm == 0) {
            return;
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        EventCodec codec = EventCodec.shared();
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 1; i <= perFirm; i++) {
                for (String firm : firms) {
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                    MatterChangedV1 e = new MatterChangedV1(UUID.randomUUID(), firm, now, 1, BenchData.matter(firm, i));
                    RecordHeaders h = new RecordHeaders();
                    h.add(EventHeaders.CE_SPECVERSION, bytes("1.0"));
                    h.add(EventHeaders.CE_ID, bytes(e.eventId().toString()));
                    h.add(EventHeaders.CE_TYPE, bytes(e.type().ceType()));
                    h.add(EventHeaders.CE_SOURCE, bytes("/caseclock/bench-seeder"));
                    h.add(EventHeaders.CE_TIME, bytes(now.toString()));
                    h.add(EventHeaders.CE_SUBJECT, bytes(e.subject()));
                    h.add(EventHeaders.CONTENT_TYPE, bytes(EventHeaders.APPLICATION_JSON));
                    producer.send(new ProducerRecord<>(Topic.MATTER_CHANGED.topicName(), null, e.kafkaKey(),
                            codec.encode(e), h));
                    sent++;
                }
            }
            producer.flush();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %d matter events for %d firm(s) in %.1f s (%.0f events/s produced)%n", sent,
                firms.length, secs, sent / secs);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
