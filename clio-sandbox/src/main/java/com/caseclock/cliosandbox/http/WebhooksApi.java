package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Webhook;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;

/**
 * {@code /webhooks} CRUD and {@code PUT /webhooks/{id}/activate} (SPEC {@code paths["/webhooks.json"]}, tag
 * "Webhooks"); behaviour in {@link com.caseclock.cliosandbox.webhooks.WebhookService}.
 */
public final class WebhooksApi {
    private WebhooksApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        ListQuery<Webhook> list = new ListQuery<>(200);
        routes.add("GET", "/webhooks", call -> {
            Firm f = call.firm();
            s.webhooks().expire(f);
            return ApiResponse.ok(list.run(call, f.webhooks, w -> true, w -> Representations.webhook(f, w)));
        });
        routes.add("GET", "/webhooks/{id}", call -> {
            Webhook w = s.webhooks().get(call.firm(), call.id());
            return Shows.show(call, w, Representations.webhook(call.firm(), w));
        });
        routes.add("POST", "/webhooks", call -> {
            Webhook w = s.webhooks().create(call.firm(), call.body(), call.auth().userId());
            return Shows.written(call, w, Representations.webhook(call.firm(), w), true);
        });
        routes.add("PATCH", "/webhooks/{id}", call -> {
            Shows.checkIfMatch(call, s.webhooks().get(call.firm(), call.id()));
            Webhook w = s.webhooks().update(call.firm(), call.id(), call.body());
            return Shows.written(call, w, Representations.webhook(call.firm(), w), false);
        });
        routes.add("DELETE", "/webhooks/{id}", call -> {
            s.webhooks().delete(call.firm(), call.id());
            return ApiResponse.noContent();
        });
        routes.add("PUT", "/webhooks/{id}/activate", call -> {
            Webhook w = s.webhooks().activate(call.firm(), call.id(), call.header("X-Hook-Secret"));
            return Shows.written(call, w, Representations.webhook(call.firm(), w), false);
        });
    }
}
