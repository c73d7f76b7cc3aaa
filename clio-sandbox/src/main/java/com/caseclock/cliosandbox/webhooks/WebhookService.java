package com.caseclock.cliosandbox.webhooks;

import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.model.Activity;
import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.Webhook;
import com.caseclock.cliosandbox.render.FieldSelection;
import com.caseclock.cliosandbox.render.Formats;
import com.caseclock.cliosandbox.render.Projector;
import com.caseclock.cliosandbox.render.Rendered;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.ChangeListener;
import com.caseclock.cliosandbox.store.Json;
import com.caseclock.cliosandbox.store.SandboxState;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Webhooks as Clio Manage runs them (SPEC tag "Webhooks"; https://docs.developers.clio.com/guides/clio-manage/webhooks/ ):
 * <ul>
 *   <li>create: {@code url}, {@code model}, {@code fields} required; {@code expires_at} defaults to 3 days ahead and may
 *       be at most 31 days ahead (422 otherwise); renew by PATCHing {@code expires_at}. Lapsed webhooks are removed [inf].</li>
 *   <li>URL: Clio accepts {@code https} only; the sandbox additionally accepts {@code http} to loopback hosts
 *       ({@code 127.0.0.1}, {@code localhost}, {@code ::1}) so local receivers work.</li>
 *   <li>handshake: right after creation and whenever the URL changes, a POST carrying {@code X-Hook-Secret} and the
 *       webhook id (body {@code {"webhook_id":<id>}} [inf]); answering 200 with the same header enables the webhook,
 *       otherwise {@code PUT /api/v4/webhooks/{id}/activate} with the header does.</li>
 *   <li>deliveries: {@code {"data":{subscribed fields},"meta":{"event":…,"webhook_id":…}}} signed with
 *       {@code X-Hook-Signature} ({@link HookSignature}); {@code updated} fires only if a subscribed field changed, except
 *       for the first update of a record the webhook never reported.</li>
 *   <li>results: 2xx, 3xx and 410 are success (410 also disables: status {@code suspended}); anything else or a
 *       timeout is retried with doubling backoff ({@link WebhookSettings}); after the last retry the webhook is
 *       suspended [inf] (https://developers.support.clio.com/hc/en-us/articles/360050277853 ).</li>
 * </ul>
 * Models with deliveries: {@code matter}, {@code contact}, {@code activity}.
 */
public final class WebhookService implements ChangeListener {
    /** Clio's default lifetime when {@code expires_at} is omitted. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(3);
    /** Clio's maximum lifetime. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(31);
    private static final List<String> MODELS = List.of("matter", "activity", "bill", "calendar_entry", "communication",
            "contact", "task", "document", "folder", "clio_payments_payment");

    private final SandboxState state;
    private final Vertx vertx;
    private final Faults faults;
    private final WebhookSettings settings;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();
    private final List<Runnable> paused = new ArrayList<>();
    private final List<WebhookDelivery> log = new CopyOnWriteArrayList<>();

    public WebhookService(SandboxState state, Vertx vertx, Faults faults, WebhookSettings settings) {
        this.state = state;
        this.vertx = vertx;
        this.faults = faults;
        this.settings = settings;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.max(1, settings.deliveryTimeout().toMillis())).setKeepAlive(false));
        faults.onResume(this::flushPaused);
    }

    /** Every delivery attempt so far (handshakes included). */
    public List<WebhookDelivery> deliveries() {
        return List.copyOf(log);
    }

    // ---------------------------------------------------------------- CRUD (call under the state lock)

    public Webhook get(Firm firm, long id) {
        expire(firm);
        Webhook w = firm.webhooks.get(id);
        if (w == null) throw ApiException.notFound("Webhook " + id);
        return w;
    }

    /** Removes lapsed webhooks of the firm. */
    public void expire(Firm firm) {
        Instant now = state.clock().instant();
        firm.webhooks.values().removeIf(w -> !w.expiresAt.isAfter(now));
    }

    public Webhook create(Firm firm, JsonNode body, Long userId) {
        JsonNode d = Json.data(body);
        Webhook w = new Webhook();
        String url = Json.text(d, "url");
        if (url == null) throw ApiException.unprocessable("Url can't be blank");
        w.url = checkUrl(url);
        w.model = model(d.get("model"));
        w.fields = Json.text(d, "fields");
        if (w.fields == null || w.fields.isBlank()) throw ApiException.unprocessable("Fields can't be blank");
        if (w.fields.length() > 1000) throw ApiException.unprocessable("Fields is too long (maximum is 1000 characters)");
        FieldSelection.parse(w.fields);
        w.events = events(d.get("events"), w.model);
        Instant now = state.clock().instant();
        w.expiresAt = d.has("expires_at") && !d.get("expires_at").isNull()
                ? checkExpiry(Formats.parseTime(Json.text(d, "expires_at"), "expires_at"), now)
                : now.plus(DEFAULT_LIFETIME);
        w.sharedSecret = secret();
        w.userId = userId;
        w.status = "pending";
        state.init(w);
        firm.webhooks.put(w.id, w);
        handshake(firm, w);
        return w;
    }

    public Webhook update(Firm firm, long id, JsonNode body) {
        JsonNode d = Json.data(body);
        Webhook w = get(firm, id);
        boolean urlChanged = false;
        if (d.has("url")) {
            String url = checkUrl(Json.text(d, "url"));
            urlChanged = !url.equals(w.url);
            w.url = url;
        }
        if (d.has("fields")) {
            w.fields = Json.text(d, "fields");
            FieldSelection.parse(w.fields);
        }
        if (d.has("model")) w.model = model(d.get("model"));
        if (d.has("events")) w.events = events(d.get("events"), w.model);
        if (d.has("expires_at")) w.expiresAt = checkExpiry(Formats.parseTime(Json.text(d, "expires_at"), "expires_at"),
                state.clock().instant());
        w.touch(state.now());
        if (urlChanged) {
            w.status = "pending";
            w.sharedSecret = secret();
            handshake(firm, w);
        }
        return w;
    }

    public void delete(Firm firm, long id) {
        get(firm, id);
        firm.webhooks.remove(id);
    }

    /** {@code PUT /api/v4/webhooks/{id}/activate} with the secret in {@code X-Hook-Secret}. */
    public Webhook activate(Firm firm, long id, String secret) {
        Webhook w = get(firm, id);
        if (secret == null || !secret.equals(w.sharedSecret)) {
            throw ApiException.unprocessable("X-Hook-Secret does not match the webhook's secret");
        }
        w.status = "enabled";
        w.touch(state.now());
        return w;
    }

    private String checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw ApiException.unprocessable("Url is invalid");
        }
        String host = uri.getHost();
        boolean loopback = host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1"));
        if ("https".equalsIgnoreCase(uri.getScheme()) && host != null) return url;
        if ("http".equalsIgnoreCase(uri.getScheme()) && loopback) return url;
        throw ApiException.unprocessable("Url must use the https protocol");
    }

    private static String model(JsonNode m) {
        if (m == null || m.isNull()) throw ApiException.unprocessable("Model can't be blank");
        if (m.isNumber() || m.asText().matches("\\d+")) {
            int i = m.asInt();
            if (i < 1 || i > MODELS.size()) throw ApiException.unprocessable("Model is invalid");
            return MODELS.get(i - 1);
        }
        if (!MODELS.contains(m.asText())) throw ApiException.unprocessable("Model is invalid");
        return m.asText();
    }

    private static List<String> events(JsonNode e, String model) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isNull()) return new ArrayList<>(List.of("created", "updated", "deleted"));
        List<String> allowed = new ArrayList<>(List.of("created", "updated", "deleted"));
        if ("matter".equals(model)) allowed.addAll(List.of("matter_opened", "matter_pended", "matter_closed"));
        for (JsonNode n : e) {
            if (!allowed.contains(n.asText())) throw ApiException.unprocessable("Event " + n.asText() + " is invalid");
            out.add(n.asText());
        }
        return out;
    }

    private static Instant checkExpiry(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) throw ApiException.unprocessable("Expires at must be in the future");
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.unprocessable("Expires at must be at most 31 days in the future");
        }
        return expiresAt;
    }

    private String secret() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    // ---------------------------------------------------------------- change events

    private static Rendered render(Firm firm, String model, Entity record) {
        return switch (model) {
            case "matter" -> Representations.matter(firm, (Matter) record);
            case "contact" -> Representations.contact(firm, (Contact) record);
            case "activity" -> Representations.activity(firm, (Activity) record);
            default -> null;
        };
    }

    private List<Webhook> active(Firm firm, String model) {
        expire(firm);
        List<Webhook> out = new ArrayList<>();
        for (Webhook w : firm.webhooks.values()) {
            if ("enabled".equals(w.status) && model.equals(w.model)) out.add(w);
        }
        return out;
    }

    private static Map<String, Object> project(Firm firm, Webhook w, String model, Entity record) {
        try {
            return Projector.project(render(firm, model, record), FieldSelection.parse(w.fields));
        } catch (ApiException e) {
            Map<String, Object> fallback = new LinkedHashMap<>();
            fallback.put("id", record.id);
            fallback.put("etag", record.etag());
            return fallback;
        }
    }

    private record Snapshot(Map<Long, Map<String, Object>> projections, String matterStatus) {}

    @Override
    public Object snapshot(Firm firm, String model, Entity record) {
        Map<Long, Map<String, Object>> snap = new HashMap<>();
        for (Webhook w : active(firm, model)) snap.put(w.id, project(firm, w, model, record));
        return new Snapshot(snap, record instanceof Matter m ? m.status.name() : null);
    }

    /**
     * Matter status transitions also raise {@code matter_opened}, {@code matter_pended} or {@code matter_closed} for
     * webhooks subscribed to them (SPEC {@code Webhook_base.events}).
     */
    private static String statusEvent(Entity record, Snapshot before) {
        if (!(record instanceof Matter m) || before == null || before.matterStatus() == null
                || before.matterStatus().equals(m.status.name())) {
            return null;
        }
        return switch (m.status) {
            case OPEN -> "matter_opened";
            case PENDING -> "matter_pended";
            case CLOSED -> "matter_closed";
        };
    }

    @Override
    public void changed(Firm firm, String model, String event, Entity record, Object snapshot) {
        Snapshot snap = snapshot instanceof Snapshot s ? s : null;
        Map<Long, Map<String, Object>> before = snap == null ? Map.of() : snap.projections();
        String statusEvent = "updated".equals(event) ? statusEvent(record, snap) : null;
        for (Webhook w : active(firm, model)) {
            Map<String, Object> data = "deleted".equals(event) && before.containsKey(w.id) ? before.get(w.id)
                    : project(firm, w, model, record);
            if (statusEvent != null && w.events.contains(statusEvent)) send(firm, w, statusEvent, data);
            if (!w.events.contains(event)) continue;
            if ("updated".equals(event) && w.seenRecordIds.contains(record.id) && data.equals(before.get(w.id))) continue;
            w.seenRecordIds.add(record.id);
            send(firm, w, event, data);
        }
    }

    private void send(Firm firm, Webhook w, String event, Map<String, Object> data) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("event", event);
        meta.put("webhook_id", w.id);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("data", data);
        payload.put("meta", meta);
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String url = w.url;
        String secret = w.sharedSecret;
        long wid = w.id;
        String firmKey = firm.key;
        schedule(() -> deliver(firmKey, wid, url, secret, event, body, 1));
    }

    // ---------------------------------------------------------------- delivery

    private void schedule(Runnable r) {
        synchronized (paused) {
            if (faults.webhooksPaused()) {
                paused.add(r);
                return;
            }
        }
        vertx.runOnContext(v -> r.run());
    }

    private void flushPaused() {
        List<Runnable> todo;
        synchronized (paused) {
            todo = new ArrayList<>(paused);
            paused.clear();
        }
        for (Runnable r : todo) vertx.runOnContext(v -> r.run());
    }

    private void handshake(Firm firm, Webhook w) {
        String firmKey = firm.key;
        long wid = w.id;
        String url = w.url;
        String secret = w.sharedSecret;
        byte[] body = ("{\"webhook_id\":" + wid + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        schedule(() -> send(url, body, Map.of("X-Hook-Secret", secret), (status, echoed) -> {
            log.add(new WebhookDelivery(wid, "handshake", 1, status, state.clock().instant()));
            if (status == 200 && secret.equals(echoed)) {
                state.locked(() -> {
                    Firm f = state.firmOrNull(firmKey);
                    Webhook hook = f == null ? null : f.webhooks.get(wid);
                    if (hook != null && secret.equals(hook.sharedSecret)) {
                        hook.status = "enabled";
                        hook.touch(state.now());
                    }
                });
            }
        }));
    }

    private void deliver(String firmKey, long wid, String url, String secret, String event, byte[] body, int attempt) {
        if (faults.webhooksPaused()) {
            schedule(() -> deliver(firmKey, wid, url, secret, event, body, attempt));
            return;
        }
        Map<String, String> headers = Map.of("X-Hook-Signature", HookSignature.sign(secret, body));
        send(url, body, headers, (status, echoed) -> {
            log.add(new WebhookDelivery(wid, event, attempt, status, state.clock().instant()));
            boolean success = (status >= 200 && status < 400) || status == 410;
            if (status == 410) setStatus(firmKey, wid, "suspended");
            if (success) return;
            if (attempt > settings.maxRetries()) {
                setStatus(firmKey, wid, "suspended");
                return;
            }
            long delay = Math.max(1, settings.retryBase().toMillis() << (attempt - 1));
            vertx.setTimer(delay, t -> deliver(firmKey, wid, url, secret, event, body, attempt + 1));
        });
    }

    private void setStatus(String firmKey, long wid, String status) {
        state.locked(() -> {
            Firm f = state.firmOrNull(firmKey);
            Webhook hook = f == null ? null : f.webhooks.get(wid);
            if (hook != null) {
                hook.status = status;
                hook.touch(state.now());
            }
        });
    }

    private interface Result {
        void done(int status, String echoedSecret);
    }

    private void send(String url, byte[] body, Map<String, String> headers, Result result) {
        RequestOptions opts;
        try {
            opts = new RequestOptions().setAbsoluteURI(url).setMethod(HttpMethod.POST)
                    .setTimeout(settings.deliveryTimeout().toMillis());
        } catch (RuntimeException e) {
            result.done(0, null);
            return;
        }
        http.request(opts).compose(req -> {
            req.putHeader("Content-Type", "application/json; charset=utf-8");
            req.putHeader("User-Agent", "clio-sandbox-webhooks");
            headers.forEach(req::putHeader);
            return req.send(Buffer.buffer(body)).compose(resp -> resp.body().map(b -> resp));
        }).onComplete(ar -> {
            if (ar.succeeded()) result.done(ar.result().statusCode(), ar.result().getHeader("X-Hook-Secret"));
            else result.done(0, null);
        });
    }

    public void close() {
        http.close();
    }
}
