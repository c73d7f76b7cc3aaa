package com.caseclock.cliosandbox.oauth;

/** Who a valid access token acts for: a firm (by key) and one of its users. */
public record AuthContext(String firmKey, long userId, String accessToken, String clientId) {}
