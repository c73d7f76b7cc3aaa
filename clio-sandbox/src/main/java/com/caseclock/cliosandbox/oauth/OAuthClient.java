package com.caseclock.cliosandbox.oauth;

import java.util.List;

/**
 * A registered developer application: {@code client_id} (Clio's "app key"), {@code client_secret} and the exact
 * redirect URIs allowed (https://docs.developers.clio.com/api-docs/authorization ).
 */
public record OAuthClient(String clientId, String clientSecret, List<String> redirectUris, String name) {
    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
        if (name == null) name = clientId;
    }
}
