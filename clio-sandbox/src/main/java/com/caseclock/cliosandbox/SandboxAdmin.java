package com.caseclock.cliosandbox;

import com.caseclock.cliosandbox.http.RateLimiter;
import com.caseclock.cliosandbox.model.Activity;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.User;
import com.caseclock.cliosandbox.oauth.ConsentPolicy;
import com.caseclock.cliosandbox.oauth.OAuthClient;
import com.caseclock.cliosandbox.oauth.TokenResponse;
import com.caseclock.cliosandbox.oauth.TokenService;
import com.caseclock.cliosandbox.render.Projector;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Json;
import com.caseclock.cliosandbox.store.Stores;
import com.caseclock.cliosandbox.webhooks.WebhookDelivery;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes on "Clio's side", as a firm's staff would make them in Clio's UI: create/update/delete matters, contacts,
 * users, groups and rates, set the firm's time rounding, put an activity on a bill, revoke tokens; plus token issuing
 * without a browser. Bodies use Clio's write-body field names ({@code {"description":…,"client":{"id":…}}}, with or
 * without the {@code data} wrapper) and may be given as a JSON string, a {@code Map} or a Jackson {@code JsonNode}.
 * Records returned as maps hold every scalar field and each nested resource's {@code id}/{@code etag}.
 * Changes fire webhooks like API changes do. Thread-safe. Errors throw
 * {@link com.caseclock.cliosandbox.http.ApiException}.
 */
public final class SandboxAdmin {
    private final Stores s;
    private final TokenService tokens;
    private final ConsentPolicy consent;
    private final RateLimiter limiter;

    SandboxAdmin(Stores stores, TokenService tokens, ConsentPolicy consent, RateLimiter limiter) {
        this.s = stores;
        this.tokens = tokens;
        this.consent = consent;
        this.limiter = limiter;
    }

    private static JsonNode json(Object body) {
        if (body instanceof JsonNode n) return n;
        if (body instanceof String str) {
            try {
                return Json.MAPPER.readTree(str);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Json.MAPPER.valueToTree(body);
    }

    private Firm firm(String firmKey) {
        return s.state().firm(firmKey);
    }

    /** Keys of all firms, e.g. {@code harbor-pine}. */
    public List<String> firmKeys() {
        return s.state().firms().stream().map(f -> f.key).toList();
    }

    /** Clio account id of a firm. */
    public long accountId(String firmKey) {
        return firm(firmKey).accountId;
    }

    // ------------------------------------------------------------------ matters

    public Map<String, Object> createMatter(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.matter(f, s.matters().create(f, json(body))));
        });
    }

    public Map<String, Object> updateMatter(String firmKey, long id, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.matter(f, s.matters().update(f, id, json(body))));
        });
    }

    public void deleteMatter(String firmKey, long id) {
        s.state().locked(() -> s.matters().delete(firm(firmKey), id));
    }

    public Map<String, Object> matter(String firmKey, long id) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.matter(f, s.matters().get(f, id)));
        });
    }

    /** Ids of all matters of the firm, ascending. */
    public List<Long> matterIds(String firmKey) {
        return s.state().locked(() -> List.copyOf(firm(firmKey).matters.keySet()));
    }

    // ------------------------------------------------------------------ contacts

    public Map<String, Object> createContact(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.contact(f, s.contacts().create(f, json(body))));
        });
    }

    public Map<String, Object> updateContact(String firmKey, long id, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.contact(f, s.contacts().update(f, id, json(body))));
        });
    }

    public void deleteContact(String firmKey, long id) {
        s.state().locked(() -> s.contacts().delete(firm(firmKey), id));
    }

    // ------------------------------------------------------------------ users, groups

    public Map<String, Object> createUser(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.user(f, s.users().create(f, json(body))));
        });
    }

    public Map<String, Object> updateUser(String firmKey, long id, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.user(f, s.users().update(f, id, json(body))));
        });
    }

    /** All users of a firm (every scalar field). */
    public List<Map<String, Object>> users(String firmKey) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            List<Map<String, Object>> out = new ArrayList<>();
            for (User u : f.users.values()) out.add(Projector.all(Representations.user(f, u)));
            return out;
        });
    }

    /** {@code body}: {@code name}, {@code type}, {@code users} (ids). */
    public Map<String, Object> createGroup(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.group(f, s.users().createGroup(f, json(body))));
        });
    }

    // ------------------------------------------------------------------ rates

    /** Client rate: {@code contact_id}, {@code rate}, optional {@code flat_rate}, {@code user{id}} or {@code group{id}}. */
    public Map<String, Object> createActivityRate(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.activityRate(f, s.rates().createRate(f, json(body))));
        });
    }

    public Map<String, Object> updateActivityRate(String firmKey, long id, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.activityRate(f, s.rates().updateRate(f, id, json(body))));
        });
    }

    public void deleteActivityRate(String firmKey, long id) {
        s.state().locked(() -> s.rates().deleteRate(firm(firmKey), id));
    }

    /** Activity description: {@code name}, {@code rate{type,amount}}. */
    public Map<String, Object> createActivityDescription(String firmKey, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.activityDescription(f, s.rates().createDescription(f, json(body)), null));
        });
    }

    public Map<String, Object> updateActivityDescription(String firmKey, long id, Object body) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            return Projector.all(Representations.activityDescription(f, s.rates().updateDescription(f, id, json(body)), null));
        });
    }

    public void deleteActivityDescription(String firmKey, long id) {
        s.state().locked(() -> s.rates().deleteDescription(firm(firmKey), id));
    }

    /** Sets the firm's time-rounding increment in minutes (0 = none); SPEC {@code BillingSetting.rounding}. */
    public void setRounding(String firmKey, int minutes) {
        s.state().locked(() -> s.users().setRounding(firm(firmKey), minutes));
    }

    // ------------------------------------------------------------------ activities

    /** All activities of a firm (every scalar field), ascending id. */
    public List<Map<String, Object>> activities(String firmKey) {
        return s.state().locked(() -> {
            Firm f = firm(firmKey);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Activity a : f.activities.values()) out.add(Projector.all(Representations.activity(f, a)));
            return out;
        });
    }

    /** Puts an activity (of any firm) on an approved bill: {@code billed} and {@code on_bill} become true. */
    public Map<String, Object> markBilled(long activityId) {
        return s.state().locked(() -> {
            for (Firm f : s.state().firms()) {
                if (f.activities.containsKey(activityId)) {
                    return Projector.all(Representations.activity(f, s.activities().markBilled(f, activityId, s.state().nextId())));
                }
            }
            throw com.caseclock.cliosandbox.http.ApiException.notFound("Activity " + activityId);
        });
    }

    // ------------------------------------------------------------------ OAuth and tokens

    /** Registers (or replaces) an OAuth application. */
    public void registerClient(OAuthClient client) {
        tokens.register(client);
    }

    /** Issues tokens for a user without the browser step (as if the user had consented). */
    public TokenResponse issueToken(String clientId, String firmKey, long userId) {
        s.state().locked(() -> s.users().get(firm(firmKey), userId));
        if (tokens.client(clientId).isEmpty()) throw new IllegalArgumentException("unknown client " + clientId);
        return tokens.issue(clientId, firmKey, userId);
    }

    /** Revokes a grant by access or refresh token (the user disconnected the app). */
    public boolean revokeToken(String token) {
        return tokens.revokeGrant(token);
    }

    /** Revokes only an access token; its refresh token still works. */
    public boolean revokeAccessToken(String accessToken) {
        return tokens.revokeAccessToken(accessToken);
    }

    /** Revokes every grant of a firm. Returns how many. */
    public int revokeFirmTokens(String firmKey) {
        return tokens.revokeFirm(firmKey);
    }

    /** {@code /oauth/authorize} consents at once as this user ({@code userId} null = the account owner). */
    public void autoConsentAs(String firmKey, Long userId) {
        firm(firmKey);
        consent.autoConsentAs(firmKey, userId);
    }

    /** {@code /oauth/authorize} shows the consent page again. */
    public void showConsentPage() {
        consent.showPage();
    }

    /** Changes the per-token limit (requests per 60 s window; 0 = off) and resets the windows. */
    public void rateLimitPerMinute(int limit) {
        limiter.limit(limit);
    }

    /** Webhook delivery attempts so far (handshakes included). */
    public List<WebhookDelivery> webhookDeliveries() {
        return s.webhooks().deliveries();
    }
}
