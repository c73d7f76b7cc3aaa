package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.faults.FaultRule;
import com.caseclock.cliosandbox.faults.Faults;
import com.caseclock.cliosandbox.journal.RequestJournal;
import com.caseclock.cliosandbox.oauth.TokenService;
import io.netty.channel.ChannelOption;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/** Cross-cutting steps shared by the Clio paths ({@code /api/v4}, {@code /oauth}): journal, latency, faults, headers. */
public final class ClioPaths {
    private ClioPaths() {}

    /**
     * Records the request in the journal just before the response headers are written, so the entry exists before the
     * client can see the answer (status 0 if the connection closes first, or is reset by a fault).
     */
    public static void journalOnEnd(RoutingContext ctx, RequestJournal journal, String firmKey) {
        AtomicBoolean recorded = new AtomicBoolean();
        String body = ctx.body() == null ? "" : ctx.body().asString();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        String query = ctx.request().query();
        ctx.addHeadersEndHandler(v -> {
            if (recorded.compareAndSet(false, true)) {
                journal.record(method, path, query, body, ctx.response().getStatusCode(), firmKey);
            }
        });
        Runnable closed = () -> {
            if (recorded.compareAndSet(false, true)) journal.record(method, path, query, body, 0, firmKey);
        };
        ctx.put(RECORD_CLOSED, closed);
        ctx.response().closeHandler(v -> closed.run());
    }

    /** Context key of the step that journals the request as closed without a response (status 0). */
    private static final String RECORD_CLOSED = "caseclock.journal.closed";

    /** Runs {@code next} after the configured latency (immediately when none). */
    public static void withLatency(Vertx vertx, Faults faults, Runnable next) {
        long ms = faults.latency().toMillis();
        if (ms <= 0) next.run();
        else vertx.setTimer(ms, t -> next.run());
    }

    public static void rateHeaders(HttpServerResponse resp, RateLimiter.Decision d) {
        resp.putHeader("X-RateLimit-Limit", Integer.toString(d.limit()));
        resp.putHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()));
        resp.putHeader("X-RateLimit-Reset", Long.toString(d.resetEpochSeconds()));
    }

    /**
     * Applies an injected fault. Returns true when the fault took over the request (answered it, reset the connection,
     * or will continue it later via {@code proceed} after a delay).
     */
    public static boolean applyFault(Vertx vertx, RoutingContext ctx, FaultRule fault, RequestJournal journal,
            String firmKey, RateLimiter limiter, Runnable revokeToken, Runnable proceed) {
        HttpServerResponse resp = ctx.response();
        switch (fault.mode()) {
            case HTTP_500 -> Responses.error(resp, new ApiException(500, "InternalServerError", "Injected fault: internal server error"));
            case HTTP_502 -> Responses.error(resp, new ApiException(502, "BadGateway", "Injected fault: bad gateway"));
            case HTTP_503 -> Responses.error(resp, new ApiException(503, "ServiceUnavailable", "Injected fault: service unavailable"));
            case HTTP_422 -> Responses.error(resp, ApiException.unprocessable("Injected fault: the record is invalid"));
            case RATE_LIMIT_STORM -> {
                long retry = Math.max(1, fault.delay().toSeconds());
                rateHeaders(resp, limiter.storm(retry));
                resp.putHeader("Retry-After", Long.toString(retry));
                Responses.error(resp, new ApiException(429, "RateLimited", "Rate limit exceeded. Retry in " + retry + " seconds"));
            }
            case REVOKED_TOKEN -> {
                revokeToken.run();
                Responses.error(resp, ApiException.oauth(401, "invalid_token", TokenService.INVALID_TOKEN_DESCRIPTION));
            }
            case DELAY -> vertx.setTimer(Math.max(1, fault.delay().toMillis()), t -> proceed.run());
            case CONNECTION_RESET -> {
                // journal before closing: the client sees the reset at once, and the journal must already hold it
                Runnable closed = ctx.get(RECORD_CLOSED);
                if (closed != null) closed.run();
                reset(ctx.request().connection());
            }
        }
        return true;
    }

    /** Closes the connection abruptly (TCP RST when possible, otherwise a plain close). */
    static void reset(HttpConnection connection) {
        try {
            if (connection instanceof ConnectionBase base) {
                base.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            }
        } catch (RuntimeException ignored) {
            // fall back to a normal close
        }
        connection.close();
    }
}
