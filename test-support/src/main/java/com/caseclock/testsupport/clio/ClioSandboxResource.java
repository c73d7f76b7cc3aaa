package com.caseclock.testsupport.clio;

import java.util.HashMap;
import java.util.Map;

import com.caseclock.cliosandbox.ClioSandbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that starts the Clio sandbox (the demo seed, the US region, rate limit off unless asked) on a
 * random port, registers the test OAuth application, points the connector's Clio base URLs at it, and injects it into
 * test fields annotated {@link InjectClioSandbox}.
 *
 * <p>Init arguments: {@code rateLimitPerMinute} (default 0 = off).
 */
public class ClioSandboxResource implements QuarkusTestResourceLifecycleManager {

    /** OAuth application id the connector uses in tests. */
    public static final String CLIENT_ID = "caseclock-test";
    /** Its secret. */
    public static final String CLIENT_SECRET = "caseclock-test-secret";
    /** Its registered redirect URI. */
    public static final String REDIRECT_URI = "http://localhost/api/v1/connections/clio/callback";

    private int rateLimitPerMinute;
    private ClioSandbox sandbox;

    @Override
    public void init(Map<String, String> initArgs) {
        rateLimitPerMinute = Integer.parseInt(initArgs.getOrDefault("rateLimitPerMinute", "0"));
    }

    @Override
    public Map<String, String> start() {
        sandbox = ClioSandbox.builder()
                .port(0)
                .rateLimitPerMinute(rateLimitPerMinute)
                .oauthClient(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI)
                .build()
                .start();
        Map<String, String> config = new HashMap<>();
        for (String region : new String[] { "us", "eu", "ca", "au" }) {
            config.put("connector.clio.base-urls." + region, sandbox.baseUrl());
        }
        config.put("connector.clio.client-id", CLIENT_ID);
        config.put("connector.clio.client-secret", CLIENT_SECRET);
        config.put("connector.clio.redirect-uri", REDIRECT_URI);
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectClioSandbox.class, ClioSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }
}
