package com.caseclock.mattercache.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import com.caseclock.events.EventKeys;

/**
 * The consuming channels that build projections from compacted topics, with the tables and deletion-marker kinds each
 * owns. A rebuild wipes exactly these and replays the channel's topic from the beginning. The topic of each channel
 * is configured ({@code mp.messaging.incoming.<channel>.topic}).
 */
public enum ProjectionChannel {
    /** Matters from {@code clio.matter.changed.v1}, with their search dictionary. */
    MATTERS("matter-changes-in", List.of("matter", "matter_word"), List.of("matter")),
    /** Clients from {@code clio.client.changed.v1}. */
    CLIENTS("client-changes-in", List.of("client"), List.of("client")),
    /** Rates from {@code clio.rate.changed.v1}. */
    RATES("rate-changes-in", List.of("user_rate", "client_rate", "activity_description"),
            List.of(EventKeys.RATE_KIND_USER, EventKeys.RATE_KIND_CLIENT_RATE,
                    EventKeys.RATE_KIND_ACTIVITY_DESCRIPTION));

    private final String channel;
    private final List<String> tables;
    private final List<String> markerKinds;

    ProjectionChannel(String channel, List<String> tables, List<String> markerKinds) {
        this.channel = channel;
        this.tables = tables;
        this.markerKinds = markerKinds;
    }

    /** @return the channel name, also the consumer's name in the inbox */
    public String channel() {
        return channel;
    }

    /** @return the projection tables the channel owns */
    public List<String> tables() {
        return tables;
    }

    /** @return the deletion marker kinds the channel owns */
    public List<String> markerKinds() {
        return markerKinds;
    }

    /** @return the configured topic of the channel */
    public String topic() {
        return ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    /**
     * @param topic a topic name
     * @return the projection channel consuming it, if any
     */
    public static Optional<ProjectionChannel> forTopic(String topic) {
        return Arrays.stream(values()).filter(c -> c.topic().equals(topic)).findFirst();
    }
}
