package com.caseclock.cliosandbox.oauth;

/**
 * Who consents on {@code /oauth/authorize}. When {@code firmKey} is set, authorization is granted at once as that
 * firm's user (auto-consent); otherwise the sandbox shows a one-button consent page.
 */
public final class ConsentPolicy {
    private volatile String firmKey;
    private volatile Long userId;

    public void autoConsentAs(String firmKey, Long userId) {
        this.firmKey = firmKey;
        this.userId = userId;
    }

    public void showPage() {
        this.firmKey = null;
        this.userId = null;
    }

    public String firmKey() {
        return firmKey;
    }

    public Long userId() {
        return userId;
    }
}
