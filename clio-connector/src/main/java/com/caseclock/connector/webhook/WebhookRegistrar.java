package com.caseclock.connector.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.client.ClioApiException;
import com.caseclock.connector.config.ConnectorConfig;
import com.caseclock.connector.service.ConnectionService.AccessToken;
import com.caseclock.events.EventJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps one Clio webhook per firm for matters and one for contacts (created, updated, deleted), as Clio documents them
 * (https://docs.developers.clio.com/guides/clio-manage/webhooks/; NOTES.md §9): registers a missing one, renews one
 * expiring within {@code connector.webhooks.renew-before} by PATCHing {@code expires_at} (Clio: 3-day default, 31-day
 * maximum), and re-registers one Clio suspended or lost. Called at the start of each sync run of the firm.
 */
@ApplicationScoped
public class WebhookRegistrar {

    private static final Logger LOG = Logger.getLogger(WebhookRegistrar.class);

    /** Clio webhook model → the synced resource it reports. */
    static final Map<String, String> MODELS = Map.of("matter", "matters", "contact", "contacts");

    private final ClioApiClient api;
    private final WebhookStore store;
    private final ConnectorConfig config;
    private final Clock clock;

    WebhookRegistrar(ClioApiClient api, WebhookStore store, ConnectorConfig config, Clock clock) {
        this.api = api;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Makes sure the firm's webhooks exist, are enabled and are not about to expire.
     *
     * @param firmId the firm
     * @param token  a valid token of the firm's sync connection
     * @throws ClioApiException on a 4xx other than 404 (429 included: the caller parks the firm)
     */
    public void ensure(String firmId, AccessToken token) {
        Optional<URI> base = config.webhooks().publicBaseUrl();
        if (base.isEmpty()) {
            return;
        }
        List<WebhookStore.Hook> hooks = QuarkusTransaction.requiringNew().call(() -> store.hooks(firmId));
        for (String model : List.of("matter", "contact")) {
            Optional<WebhookStore.Hook> hook = hooks.stream().filter(h -> model.equals(h.model())).findFirst();
            if (hook.isEmpty()) {
                register(firmId, token, base.get(), model);
                continue;
            }
            check(firmId, token, base.get(), hook.get());
        }
    }

    private void check(String firmId, AccessToken token, URI base, WebhookStore.Hook hook) {
        Instant now = clock.instant();
        boolean expiring = hook.expiresAt() == null
                || hook.expiresAt().isBefore(now.plus(config.webhooks().renewBefore()));
        boolean stale = hook.checkedAt() == null
                || hook.checkedAt().isBefore(now.minus(config.webhooks().checkInterval()));
        if (!expiring && !stale) {
            return;
        }
        JsonNode current;
        try {
            current = api.webhook(token.region(), token.value(), hook.clioWebhookId());
        } catch (ClioApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            current = null;
        }
        if (current == null || "suspended".equals(current.path("status").asText())) {
            LOG.warnf("Webhook %d of firm %s is %s at Clio; registering a new one", hook.clioWebhookId(), firmId,
                    current == null ? "gone" : "suspended");
            QuarkusTransaction.requiringNew().run(() -> store.forget(hook.clioWebhookId()));
            register(firmId, token, base, hook.model());
            return;
        }
        JsonNode renewed = current;
        if (expiring) {
            ObjectNode body = EventJson.mapper().createObjectNode();
            body.putObject("data").put("expires_at", expiry());
            renewed = api.updateWebhook(token.region(), token.value(), hook.clioWebhookId(), body);
            LOG.infof("Webhook %d of firm %s renewed until %s", hook.clioWebhookId(), firmId,
                    renewed.path("expires_at").asText());
        }
        record(firmId, hook.model(), renewed);
    }

    private void register(String firmId, AccessToken token, URI base, String model) {
        String hookToken = QuarkusTransaction.requiringNew().call(() -> store.hookToken(firmId));
        ObjectNode body = EventJson.mapper().createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("url", base.toString().replaceAll("/+$", "") + "/webhooks/clio/" + hookToken);
        data.put("model", model);
        data.put("fields", "id,etag,updated_at");
        data.putArray("events").add("created").add("updated").add("deleted");
        data.put("expires_at", expiry());
        JsonNode created = api.createWebhook(token.region(), token.value(), body);
        if (created.path("shared_secret").isTextual()) {
            String secret = created.path("shared_secret").asText();
            long id = created.path("id").asLong();
            QuarkusTransaction.requiringNew().run(() -> store.secret(id, firmId, secret));
        }
        record(firmId, model, created);
        LOG.infof("Webhook %d registered for firm %s, model %s", created.path("id").asLong(), firmId, model);
    }

    private void record(String firmId, String model, JsonNode hook) {
        String expiresAt = hook.path("expires_at").asText(null);
        Instant expiry = expiresAt == null ? null : OffsetDateTime.parse(expiresAt).toInstant();
        QuarkusTransaction.requiringNew().run(() -> store.registered(hook.path("id").asLong(), firmId, model,
                hook.path("status").asText(null), expiry));
    }

    private String expiry() {
        return OffsetDateTime.ofInstant(clock.instant().plus(config.webhooks().lifetime()), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
