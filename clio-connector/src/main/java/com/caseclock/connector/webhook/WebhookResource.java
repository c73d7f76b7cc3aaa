package com.caseclock.connector.webhook;

import java.io.IOException;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import com.caseclock.connector.sync.SyncScheduler;
import com.caseclock.events.EventJson;
import com.caseclock.service.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Receives Clio's webhook calls on a firm's unguessable path (https://docs.developers.clio.com/guides/clio-manage/webhooks/):
 * <ul>
 * <li>the activation handshake ({@code X-Hook-Secret}): the secret is stored for the webhook and echoed, which enables
 * it;</li>
 * <li>deliveries: {@code X-Hook-Signature} must be the HMAC-SHA256 of the raw body with that webhook's secret, else 401
 * and nothing changes; a valid delivery is recorded for the firm's sync worker (which fetches the current record, or
 * publishes a tombstone; woken at once) and answered at once, as Clio asks receivers to.</li>
 * </ul>
 * An unknown path answers 404. No bearer token: Clio does not send one.
 */
@Path("/webhooks/clio/{hookToken}")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final WebhookStore store;
    private final SyncScheduler scheduler;

    WebhookResource(WebhookStore store, SyncScheduler scheduler) {
        this.store = store;
        this.scheduler = scheduler;
    }

    /**
     * @param hookToken the firm's path token
     * @param secret    {@code X-Hook-Secret} on the handshake
     * @param signature {@code X-Hook-Signature} on deliveries
     * @param body      the raw body
     */
    @POST
    @Operation(summary = "Clio webhook receiver", description = "Handshake and signed deliveries; not for clients.")
    public Response receive(@PathParam("hookToken") String hookToken, @HeaderParam("X-Hook-Secret") String secret,
            @HeaderParam("X-Hook-Signature") String signature, byte[] body) {
        // No token we issue holds NUL (PostgreSQL cannot even compare such text): unknown path.
        String firmId = hookToken == null || hookToken.indexOf('\0') >= 0 ? null
                : QuarkusTransaction.requiringNew().call(() -> store.firmOfToken(hookToken)).orElse(null);
        if (firmId == null) {
            return Response.status(404).build();
        }
        JsonNode json = parse(body);
        if (secret != null && !secret.isBlank()) {
            long webhookId = json.path("webhook_id").asLong(0);
            if (webhookId <= 0) {
                throw ProblemException.badRequest("webhook_id", "is required on the handshake (a positive integer)");
            }
            if (!json.path("webhook_id").canConvertToLong()) {
                throw ProblemException.badRequest("webhook_id", "must be a webhook id");
            }
            // A handshake is not signed: it may only supply the secret of a webhook this firm is registering, once.
            boolean accepted = QuarkusTransaction.requiringNew().call(
                    () -> store.handshakeSecret(webhookId, firmId, secret));
            if (!accepted) {
                return Response.status(404).build();
            }
            return Response.ok().header("X-Hook-Secret", secret).build();
        }
        long webhookId = json.path("meta").path("webhook_id").asLong(0);
        String known = webhookId <= 0 ? null
                : QuarkusTransaction.requiringNew().call(() -> store.secret(webhookId, firmId)).orElse(null);
        if (known == null || !WebhookSignature.valid(known, body, signature)) {
            LOG.warnf("Rejected a webhook delivery for firm %s: %s", firmId,
                    signature == null ? "unsigned" : "bad signature");
            return Response.status(401).build();
        }
        String event = json.path("meta").path("event").asText("updated");
        long clioId = json.path("data").path("id").asLong(0);
        String model = QuarkusTransaction.requiringNew().call(() -> store.model(webhookId, firmId)).orElse(null);
        String resource = model == null ? null : WebhookRegistrar.MODELS.get(model);
        if (clioId > 0 && resource != null) {
            QuarkusTransaction.requiringNew().run(() -> store.pending(firmId, resource, clioId,
                    "deleted".equals(event) ? "deleted" : "changed"));
            scheduler.wake(); // the firm is due now: fetch the change without waiting for the next tick
        }
        return Response.ok().build();
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? EventJson.mapper().createObjectNode()
                    : EventJson.mapper().readTree(body);
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        }
    }
}
