package com.caseclock.cliosandbox.store;

import com.caseclock.cliosandbox.webhooks.WebhookService;

/** The write services of one sandbox, shared by the Clio API and the admin API. */
public record Stores(SandboxState state, MatterStore matters, ContactStore contacts, ActivityStore activities,
        RateStore rates, UserStore users, WebhookService webhooks) {}
