package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.journal.RequestJournal;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.oauth.AuthContext;
import com.caseclock.cliosandbox.oauth.TokenService;
import com.caseclock.cliosandbox.store.Json;
import com.caseclock.cliosandbox.store.SandboxState;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The pipeline for {@code /api/v4/*}: journal → latency → faults → rate limit
 * (https://docs.developers.clio.com/api-docs/rate-limits ) → {@code X-API-VERSION} ({@link ApiVersions}) → bearer
 * token (401 {@code invalid_token} per https://developers.support.clio.com/hc/en-us/articles/360004657734 ) → route.
 */
public final class ClioApiHandler implements Handler<RoutingContext> {
    public static final String PREFIX = "/api/v4";

    private final Vertx vertx;
    private final SandboxState state;
    private final ApiRoutes routes;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final Faults faults;
    private final RequestJournal journal;
    private final Supplier<String> baseUrl;

    public ClioApiHandler(Vertx vertx, SandboxState state, ApiRoutes routes, TokenService tokens, RateLimiter limiter,
            Faults faults, RequestJournal journal, Supplier<String> baseUrl) {
        this.vertx = vertx;
        this.state = state;
        this.routes = routes;
        this.tokens = tokens;
        this.limiter = limiter;
        this.faults = faults;
        this.journal = journal;
        this.baseUrl = baseUrl;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = bearer(ctx.request());
        Optional<AuthContext> auth = tokens.authenticate(token);
        String firmKey = auth.map(AuthContext::firmKey).orElse(null);
        ClioPaths.journalOnEnd(ctx, journal, firmKey);
        ClioPaths.withLatency(vertx, faults, () -> {
            Optional<FaultRule> fault = faults.take(ctx.request().path(), firmKey);
            if (fault.isPresent()) {
                boolean handled = ClioPaths.applyFault(vertx, ctx, fault.get(), journal, firmKey, limiter,
                        () -> tokens.revokeAccessToken(token), () -> proceed(ctx, token, auth));
                if (handled) return;
            }
            proceed(ctx, token, auth);
        });
    }

    /** The bearer token of the {@code Authorization} header, or null. */
    public static String bearer(HttpServerRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null) return null;
        h = h.trim();
        return h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).trim() : null;
    }

    private void proceed(RoutingContext ctx, String token, Optional<AuthContext> initialAuth) {
        HttpServerResponse resp = ctx.response();
        if (resp.ended() || resp.closed()) return;
        // re-check: the token may have expired or been revoked during a delay
        Optional<AuthContext> auth = initialAuth.isPresent() ? tokens.authenticate(token) : initialAuth;
        RateLimiter.Decision d = limiter.hit(token == null ? "anonymous:" + ctx.request().remoteAddress() : token);
        if (d != null) ClioPaths.rateHeaders(resp, d);
        try {
            if (d != null && !d.allowed()) {
                resp.putHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
                throw new ApiException(429, "RateLimited", "Rate limit exceeded. Retry in " + d.retryAfterSeconds() + " seconds");
            }
            String version = ApiVersions.resolve(ctx.request().getHeader("X-API-VERSION"));
            resp.putHeader("X-API-VERSION", version);
            if (auth.isEmpty()) {
                throw ApiException.oauth(401, "invalid_token", TokenService.INVALID_TOKEN_DESCRIPTION);
            }
            String sub = ctx.request().path().substring(PREFIX.length());
            String method = ctx.request().method().name();
            ApiRoutes.Match match = routes.match(method, sub).orElseThrow(() -> routes.pathExists(sub)
                    ? new ApiException(405, "MethodNotAllowed", method + " is not allowed on " + sub)
                    : ApiException.notFound("Route " + sub));
            JsonNode body = parseBody(ctx);
            AuthContext a = auth.get();
            ApiResponse result = state.locked(() -> {
                Firm firm = state.firmOrNull(a.firmKey());
                if (firm == null) throw ApiException.oauth(401, "invalid_token", TokenService.INVALID_TOKEN_DESCRIPTION);
                ApiCall call = new ApiCall(firm, a, method, ctx.request().path(), match.ids(), ctx.queryParams(),
                        ctx.request().headers(), body, baseUrl.get());
                return match.handler().handle(call);
            });
            result.headers().forEach(resp::putHeader);
            Responses.json(resp, result.status(), result.body());
        } catch (ApiException e) {
            Responses.error(resp, e);
        } catch (RuntimeException e) {
            Responses.error(resp, new ApiException(500, "InternalServerError", String.valueOf(e)));
        }
    }

    private static JsonNode parseBody(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() <= 0) return null;
        String ct = ctx.request().getHeader("Content-Type");
        if (ct != null && (ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("multipart/form-data"))) {
            return FormBodies.toJson(ctx.request().formAttributes());
        }
        try {
            return Json.MAPPER.readTree(ctx.body().buffer().getBytes());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("Malformed JSON body: " + e.getMessage());
        }
    }
}
