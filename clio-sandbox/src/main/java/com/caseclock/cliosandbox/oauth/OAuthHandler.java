package com.caseclock.cliosandbox.oauth;

import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.http.ClioPaths;
import com.caseclock.cliosandbox.http.RateLimiter;
import com.caseclock.cliosandbox.http.Responses;
import com.caseclock.cliosandbox.journal.RequestJournal;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.store.Json;
import com.caseclock.cliosandbox.store.SandboxState;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/authorize}, {@code /oauth/token}, {@code /oauth/deauthorize}
 * (https://docs.developers.clio.com/api-docs/authorization ;
 * https://developers.support.clio.com/hc/en-us/articles/360004691033 ; declining:
 * https://developers.support.clio.com/hc/en-us/articles/360004640373 ).
 * <ul>
 *   <li>{@code GET /oauth/authorize?response_type=code&client_id=…&redirect_uri=…&state=…}: with auto-consent (or the
 *       sandbox-only query parameters {@code sandbox_firm} and optional {@code sandbox_user}) redirects at once to
 *       {@code redirect_uri?code=…&state=…}; otherwise shows a page with the firm's users and Allow/Deny buttons
 *       (Deny redirects with {@code error=access_denied}).</li>
 *   <li>{@code POST /oauth/token} (form or JSON): {@code authorization_code} and {@code refresh_token} grants.</li>
 *   <li>{@code POST /oauth/deauthorize}: bearer token in {@code Authorization} and/or form field {@code token};
 *       revokes the whole grant (access and refresh token) [obs].</li>
 * </ul>
 */
public final class OAuthHandler implements Handler<RoutingContext> {
    private final Vertx vertx;
    private final SandboxState state;
    private final TokenService tokens;
    private final ConsentPolicy consent;
    private final Faults faults;
    private final RequestJournal journal;
    private final RateLimiter limiter;

    public OAuthHandler(Vertx vertx, SandboxState state, TokenService tokens, ConsentPolicy consent, Faults faults,
            RequestJournal journal, RateLimiter limiter) {
        this.vertx = vertx;
        this.state = state;
        this.tokens = tokens;
        this.consent = consent;
        this.faults = faults;
        this.journal = journal;
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ClioPaths.journalOnEnd(ctx, journal, null);
        ClioPaths.withLatency(vertx, faults, () -> {
            Optional<FaultRule> fault = faults.take(ctx.request().path(), null);
            if (fault.isPresent() && ClioPaths.applyFault(vertx, ctx, fault.get(), journal, null, limiter, () -> {},
                    () -> dispatch(ctx))) {
                return;
            }
            dispatch(ctx);
        });
    }

    private void dispatch(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().closed()) return;
        String path = ctx.request().path();
        String method = ctx.request().method().name();
        try {
            if (path.equals("/oauth/authorize") && method.equals("GET")) authorizeGet(ctx);
            else if (path.equals("/oauth/authorize") && method.equals("POST")) authorizePost(ctx);
            else if (path.equals("/oauth/token") && method.equals("POST")) token(ctx);
            else if (path.equals("/oauth/deauthorize") && method.equals("POST")) deauthorize(ctx);
            else throw ApiException.notFound("Route " + path);
        } catch (ApiException e) {
            Responses.error(ctx.response(), e);
        }
    }

    private void authorizeGet(RoutingContext ctx) {
        MultiMap q = ctx.queryParams();
        if (!"code".equals(q.get("response_type"))) {
            throw ApiException.oauth(400, "unsupported_response_type", "response_type must be code");
        }
        OAuthClient client = tokens.checkAuthorizeRequest(q.get("client_id"), q.get("redirect_uri"));
        String firmKey = q.get("sandbox_firm") != null ? q.get("sandbox_firm") : consent.firmKey();
        if (firmKey != null) {
            String userParam = q.get("sandbox_user");
            Long userId = userParam != null ? Long.valueOf(userParam)
                    : q.get("sandbox_firm") != null ? null : consent.userId();
            long uid = resolveUser(firmKey, userId);
            redirect(ctx, q.get("redirect_uri"), "code", tokens.issueCode(client.clientId(), q.get("redirect_uri"), firmKey, uid),
                    q.get("state"));
            return;
        }
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(consentPage(client, q));
    }

    private void authorizePost(RoutingContext ctx) {
        MultiMap f = ctx.request().formAttributes();
        OAuthClient client = tokens.checkAuthorizeRequest(f.get("client_id"), f.get("redirect_uri"));
        if (!"allow".equals(f.get("decision"))) {
            redirect(ctx, f.get("redirect_uri"), "error", "access_denied", f.get("state"));
            return;
        }
        String subject = f.get("subject");
        if (subject == null || !subject.contains(":")) throw ApiException.oauth(400, "invalid_request", "subject missing");
        String firmKey = subject.substring(0, subject.lastIndexOf(':'));
        long uid = resolveUser(firmKey, Long.valueOf(subject.substring(subject.lastIndexOf(':') + 1)));
        redirect(ctx, f.get("redirect_uri"), "code", tokens.issueCode(client.clientId(), f.get("redirect_uri"), firmKey, uid),
                f.get("state"));
    }

    private long resolveUser(String firmKey, Long userId) {
        return state.locked(() -> {
            Firm firm = state.firmOrNull(firmKey);
            if (firm == null) throw ApiException.oauth(400, "invalid_request", "Unknown sandbox firm " + firmKey);
            if (userId != null) {
                if (!firm.users.containsKey(userId)) throw ApiException.oauth(400, "invalid_request", "Unknown user " + userId);
                return userId;
            }
            if (firm.users.isEmpty()) throw ApiException.oauth(400, "invalid_request", "Firm has no users");
            return firm.users.values().stream().filter(u -> u.accountOwner).findFirst()
                    .orElse(firm.users.firstEntry().getValue()).id;
        });
    }

    private static void redirect(RoutingContext ctx, String redirectUri, String key, String value, String stateParam) {
        StringBuilder sb = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        if (stateParam != null) sb.append("&state=").append(URLEncoder.encode(stateParam, StandardCharsets.UTF_8));
        ctx.response().setStatusCode(302).putHeader("Location", sb.toString()).end();
    }

    private void token(RoutingContext ctx) {
        Map<String, String> p = params(ctx);
        String grant = p.get("grant_type");
        TokenResponse t;
        if ("authorization_code".equals(grant)) {
            t = tokens.exchangeCode(p.get("client_id"), p.get("client_secret"), p.get("code"), p.get("redirect_uri"));
        } else if ("refresh_token".equals(grant)) {
            t = tokens.refresh(p.get("client_id"), p.get("client_secret"), p.get("refresh_token"));
        } else {
            throw ApiException.oauth(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", t.accessToken());
        body.put("token_type", t.tokenType());
        body.put("expires_in", t.expiresIn());
        body.put("refresh_token", t.refreshToken());
        ctx.response().putHeader("Cache-Control", "no-store");
        Responses.json(ctx.response(), 200, body);
    }

    private void deauthorize(RoutingContext ctx) {
        Map<String, String> p = params(ctx);
        String bearer = com.caseclock.cliosandbox.http.ClioApiHandler.bearer(ctx.request());
        String token = p.get("token") != null ? p.get("token") : bearer;
        if (token == null || (bearer != null && tokens.authenticate(bearer).isEmpty() && p.get("token") == null)) {
            throw ApiException.oauth(401, "invalid_token", TokenService.INVALID_TOKEN_DESCRIPTION);
        }
        tokens.revokeGrant(token);
        Responses.json(ctx.response(), 200, Map.of());
    }

    private static Map<String, String> params(RoutingContext ctx) {
        Map<String, String> p = new LinkedHashMap<>();
        String ct = ctx.request().getHeader("Content-Type");
        if (ct != null && ct.startsWith("application/json") && ctx.body() != null && ctx.body().length() > 0) {
            try {
                JsonNode n = Json.MAPPER.readTree(ctx.body().buffer().getBytes());
                n.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
            } catch (java.io.IOException e) {
                throw ApiException.oauth(400, "invalid_request", "Malformed JSON body");
            }
        } else {
            ctx.request().formAttributes().forEach(e -> p.put(e.getKey(), e.getValue()));
        }
        ctx.queryParams().forEach(e -> p.putIfAbsent(e.getKey(), e.getValue()));
        return p;
    }

    private String consentPage(OAuthClient client, MultiMap q) {
        StringBuilder options = new StringBuilder();
        state.locked(() -> {
            for (Firm f : state.firms()) {
                for (User u : f.users.values()) {
                    options.append("<option value=\"").append(html(f.key + ":" + u.id)).append("\">")
                            .append(html(f.name + " — " + u.name())).append("</option>");
                }
            }
        });
        StringBuilder hidden = new StringBuilder();
        for (String k : new String[] {"client_id", "redirect_uri", "state"}) {
            if (q.get(k) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(html(q.get(k))).append("\">");
            }
        }
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Clio sandbox — authorize</title></head><body>"
                + "<h1>Authorize " + html(client.name()) + "</h1><p>This is the local Clio sandbox. Choose who you are:</p>"
                + "<form method=\"post\" action=\"/oauth/authorize\">" + hidden
                + "<select name=\"subject\">" + options + "</select> "
                + "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow access</button> "
                + "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form></body></html>";
    }

    private static String html(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
