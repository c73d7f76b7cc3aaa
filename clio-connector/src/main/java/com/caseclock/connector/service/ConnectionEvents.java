package com.caseclock.connector.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.caseclock.connector.outbox.OutboxWriter;
import com.caseclock.connector.repository.ClioConnection;
import com.caseclock.events.ConnectionState;
import com.caseclock.events.ConnectionStatusChangedV1;
import com.caseclock.events.EventCodec;
import com.caseclock.events.kafka.OutgoingEvent;


/**
 * Records a {@link ConnectionStatusChangedV1} in the outbox, in the caller's transaction, on every change of a
 * connection, so timeentry-service can show it (Settings → Integrations → Clio).
 */
@ApplicationScoped
public class ConnectionEvents {

    private final OutboxWriter outbox;
    private final Clock clock;

    ConnectionEvents(OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param connection the connection as it now is
     * @param state      the state to announce
     * @param reason     plain words, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(ClioConnection connection, ConnectionState state, String reason) {
        changed(connection.firmId, connection.userId, state, connection.region == null ? null
                : connection.region.name(), connection.clioUserId, connection.clioAccountId, reason);
    }

    /** Same, for a connection that no longer exists (disconnected). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String firmId, String userId, ConnectionState state, String region, Long clioUserId,
            Long clioAccountId, String reason) {
        ConnectionStatusChangedV1 event = new ConnectionStatusChangedV1(UUID.randomUUID(), firmId, clock.instant(),
                ConnectionStatusChangedV1.SCHEMA_VERSION, userId, state, region, clioUserId, clioAccountId, reason,
                null);
        outbox.append(OutgoingEvent.of(event, EventCodec.shared()));
    }
}
