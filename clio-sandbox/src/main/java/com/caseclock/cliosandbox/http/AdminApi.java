package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.SandboxAdmin;
import com.caseclock.cliosandbox.faults.FaultMode;
import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.journal.JournalEntry;
import com.caseclock.cliosandbox.journal.RequestJournal;
import com.caseclock.cliosandbox.oauth.OAuthClient;
import com.caseclock.cliosandbox.oauth.TokenResponse;
import com.caseclock.cliosandbox.store.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The sandbox's own admin endpoints under {@code /_sandbox} (outside Clio's paths; never journaled, never faulted).
 * JSON in, JSON out; the full list is in the module README.
 */
public final class AdminApi implements Handler<RoutingContext> {
    private static final List<String> RESOURCES = List.of("matters", "contacts", "users", "groups", "activity_rates",
            "activity_descriptions");

    private final SandboxAdmin admin;
    private final Faults faults;
    private final RequestJournal journal;
    private final Supplier<Map<String, Object>> info;

    public AdminApi(SandboxAdmin admin, Faults faults, RequestJournal journal, Supplier<Map<String, Object>> info) {
        this.admin = admin;
        this.faults = faults;
        this.journal = journal;
        this.info = info;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            String[] seg = ctx.request().path().replaceAll("/+$", "").split("/");
            // seg[0] = "", seg[1] = "_sandbox"
            List<String> p = new ArrayList<>(List.of(seg).subList(Math.min(2, seg.length), seg.length));
            String m = ctx.request().method().name();
            JsonNode body = ctx.body() == null || ctx.body().length() <= 0 ? Json.object()
                    : Json.MAPPER.readTree(ctx.body().buffer().getBytes());
            Object result = route(m, p, body, ctx);
            if (result == NO_CONTENT) Responses.json(ctx.response(), 204, null);
            else if (result instanceof Created c) Responses.json(ctx.response(), 201, c.body());
            else Responses.json(ctx.response(), 200, result);
        } catch (ApiException e) {
            Responses.error(ctx.response(), e);
        } catch (IllegalArgumentException e) {
            Responses.error(ctx.response(), ApiException.badRequest(e.getMessage()));
        } catch (java.io.IOException e) {
            Responses.error(ctx.response(), ApiException.badRequest("Malformed JSON: " + e.getMessage()));
        }
    }

    private static final Object NO_CONTENT = new Object();

    /** A 201 answer. */
    private record Created(Object body) {}

    private Object route(String m, List<String> p, JsonNode body, RoutingContext ctx) {
        String first = p.isEmpty() ? "" : p.get(0);
        switch (first) {
            case "" -> {
                return info.get();
            }
            case "firms" -> {
                return firms(m, p, body);
            }
            case "activities" -> {
                if (m.equals("POST") && p.size() == 3 && p.get(2).equals("bill")) return admin.markBilled(Long.parseLong(p.get(1)));
            }
            case "tokens" -> {
                if (m.equals("POST") && p.size() == 1) {
                    TokenResponse t = admin.issueToken(body.path("client_id").asText(), body.path("firm").asText(),
                            body.path("user_id").asLong());
                    return new Created(Map.of("access_token", t.accessToken(), "token_type", t.tokenType(), "expires_in", t.expiresIn(),
                            "refresh_token", t.refreshToken()));
                }
                if (m.equals("POST") && p.size() == 2 && p.get(1).equals("revoke")) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    if (body.hasNonNull("firm")) out.put("revoked", admin.revokeFirmTokens(body.get("firm").asText()));
                    else if (body.hasNonNull("access_token")) out.put("revoked", admin.revokeAccessToken(body.get("access_token").asText()) ? 1 : 0);
                    else if (body.hasNonNull("token")) out.put("revoked", admin.revokeToken(body.get("token").asText()) ? 1 : 0);
                    else throw ApiException.badRequest("give token, access_token or firm");
                    return out;
                }
            }
            case "faults" -> {
                if (p.size() == 1 && m.equals("POST")) {
                    FaultRule rule = new FaultRule(FaultMode.valueOf(body.path("mode").asText().toUpperCase(Locale.ROOT)),
                            body.path("times").asInt(1), body.hasNonNull("path") ? body.get("path").asText() : null,
                            body.hasNonNull("firm") ? body.get("firm").asText() : null,
                            body.hasNonNull("delay_ms") ? Duration.ofMillis(body.get("delay_ms").asLong()) : null);
                    faults.inject(rule);
                    return new Created(Map.of("pending", faults.pending()));
                }
                if (p.size() == 1 && m.equals("GET")) return faultsInfo();
                if (p.size() == 1 && m.equals("DELETE")) {
                    faults.clear();
                    return NO_CONTENT;
                }
            }
            case "latency" -> {
                if (m.equals("PUT")) {
                    faults.latency(Duration.ofMillis(body.path("ms").asLong(0)));
                    return faultsInfo();
                }
            }
            case "webhooks" -> {
                if (p.size() == 2 && m.equals("POST") && p.get(1).equals("pause")) {
                    faults.pauseWebhooks();
                    return faultsInfo();
                }
                if (p.size() == 2 && m.equals("POST") && p.get(1).equals("resume")) {
                    faults.resumeWebhooks();
                    return faultsInfo();
                }
                if (p.size() == 2 && m.equals("GET") && p.get(1).equals("deliveries")) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    admin.webhookDeliveries().forEach(d -> out.add(Map.of("webhook_id", d.webhookId(), "kind", d.kind(),
                            "attempt", d.attempt(), "status", d.status(), "at", d.at().toString())));
                    return Map.of("data", out);
                }
            }
            case "journal" -> {
                if (m.equals("GET")) {
                    long after = ctx.queryParams().get("after") == null ? 0 : Long.parseLong(ctx.queryParams().get("after"));
                    List<Map<String, Object>> entries = new ArrayList<>();
                    for (JournalEntry e : journal.entries(x -> x.sequence() > after)) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("sequence", e.sequence());
                        row.put("at", e.at().toString());
                        row.put("method", e.method());
                        row.put("path", e.path());
                        row.put("query", e.query());
                        row.put("body", e.body());
                        row.put("status", e.status());
                        row.put("firm", e.firmKey());
                        entries.add(row);
                    }
                    return Map.of("data", entries);
                }
                if (m.equals("DELETE")) {
                    journal.clear();
                    return NO_CONTENT;
                }
            }
            case "oauth" -> {
                if (p.size() == 2 && p.get(1).equals("clients") && m.equals("POST")) {
                    List<String> uris = new ArrayList<>();
                    body.path("redirect_uris").forEach(u -> uris.add(u.asText()));
                    if (body.hasNonNull("redirect_uri")) uris.add(body.get("redirect_uri").asText());
                    admin.registerClient(new OAuthClient(body.path("client_id").asText(), body.path("client_secret").asText(),
                            uris, body.hasNonNull("name") ? body.get("name").asText() : null));
                    return new Created(Map.of("client_id", body.path("client_id").asText(), "redirect_uris", uris));
                }
                if (p.size() == 2 && p.get(1).equals("consent") && m.equals("PUT")) {
                    admin.autoConsentAs(body.path("firm").asText(), body.hasNonNull("user_id") ? body.get("user_id").asLong() : null);
                    return Map.of("auto_consent", true);
                }
                if (p.size() == 2 && p.get(1).equals("consent") && m.equals("DELETE")) {
                    admin.showConsentPage();
                    return NO_CONTENT;
                }
            }
            case "rate-limit" -> {
                if (m.equals("PUT")) {
                    admin.rateLimitPerMinute(body.path("per_minute").asInt());
                    return Map.of("per_minute", body.path("per_minute").asInt());
                }
            }
            default -> {
            }
        }
        throw ApiException.notFound("Admin route " + m + " /_sandbox/" + String.join("/", p));
    }

    private Map<String, Object> faultsInfo() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pending", faults.pending());
        out.put("latency_ms", faults.latency().toMillis());
        out.put("webhooks_paused", faults.webhooksPaused());
        return out;
    }

    private Object firms(String m, List<String> p, JsonNode body) {
        if (p.size() == 1 && m.equals("GET")) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (String key : admin.firmKeys()) out.add(Map.of("key", key, "account_id", admin.accountId(key)));
            return Map.of("data", out);
        }
        if (p.size() < 3) throw ApiException.notFound("Admin route");
        String firm = p.get(1);
        String res = p.get(2);
        if (res.equals("settings") && p.size() == 4 && p.get(3).equals("billing") && (m.equals("PUT") || m.equals("PATCH"))) {
            admin.setRounding(firm, body.path("rounding").asInt(0));
            return Map.of("rounding", body.path("rounding").asInt(0));
        }
        if (res.equals("activities") && m.equals("GET")) return Map.of("data", admin.activities(firm));
        if (res.equals("users") && m.equals("GET") && p.size() == 3) return Map.of("data", admin.users(firm));
        if (res.equals("matters") && m.equals("GET") && p.size() == 3) return Map.of("data", admin.matterIds(firm));
        if (!RESOURCES.contains(res)) throw ApiException.notFound("Admin resource " + res);
        Long id = p.size() > 3 ? Long.parseLong(p.get(3)) : null;
        if (id == null && m.equals("POST")) {
            return new Created(Map.of("data", switch (res) {
                case "matters" -> admin.createMatter(firm, body);
                case "contacts" -> admin.createContact(firm, body);
                case "users" -> admin.createUser(firm, body);
                case "groups" -> admin.createGroup(firm, body);
                case "activity_rates" -> admin.createActivityRate(firm, body);
                default -> admin.createActivityDescription(firm, body);
            }));
        }
        if (id != null && m.equals("GET") && res.equals("matters")) return Map.of("data", admin.matter(firm, id));
        if (id != null && m.equals("PATCH")) {
            return Map.of("data", switch (res) {
                case "matters" -> admin.updateMatter(firm, id, body);
                case "contacts" -> admin.updateContact(firm, id, body);
                case "users" -> admin.updateUser(firm, id, body);
                case "activity_descriptions" -> admin.updateActivityDescription(firm, id, body);
                case "activity_rates" -> admin.updateActivityRate(firm, id, body);
                default -> throw ApiException.notFound("Admin route PATCH " + res);
            });
        }
        if (id != null && m.equals("DELETE")) {
            switch (res) {
                case "matters" -> admin.deleteMatter(firm, id);
                case "contacts" -> admin.deleteContact(firm, id);
                case "activity_rates" -> admin.deleteActivityRate(firm, id);
                case "activity_descriptions" -> admin.deleteActivityDescription(firm, id);
                default -> throw ApiException.notFound("Admin route DELETE " + res);
            }
            return NO_CONTENT;
        }
        throw ApiException.notFound("Admin route " + m + " " + String.join("/", p));
    }
}
