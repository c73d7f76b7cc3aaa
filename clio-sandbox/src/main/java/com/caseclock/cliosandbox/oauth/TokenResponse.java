package com.caseclock.cliosandbox.oauth;

/**
 * The {@code /oauth/token} answer: {@code access_token}, {@code token_type} ({@code bearer}), {@code expires_in}
 * (seconds) and {@code refresh_token} (https://docs.developers.clio.com/api-docs/authorization ; key names [obs]).
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {}
