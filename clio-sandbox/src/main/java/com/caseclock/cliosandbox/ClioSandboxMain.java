package com.caseclock.cliosandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox standalone until interrupted (Ctrl-C) and prints {@code Clio sandbox ready at <base URL>} when
 * listening. Options:
 * <pre>
 *   --port N                 TCP port (default 8090; 0 = any free port)
 *   --host ADDR              bind address (default 127.0.0.1)
 *   --seed FILE              seed JSON (default: the built-in demo seed)
 *   --rate-limit N           requests per token per minute (default 50; 0 = off)
 *   --token-ttl SECONDS      access-token lifetime (default 2592000 = 30 days)
 *   --region US|EU|CA|AU     region of this instance (default US)
 *   --public-base-url URL    base URL for paging links
 *   --client-id ID --client-secret S --redirect-uri URI   register an OAuth application (besides the seed's)
 *   --auto-consent FIRM[:USER_ID]   /oauth/authorize grants at once as that user (default: consent page)
 * </pre>
 */
public final class ClioSandboxMain {
    private ClioSandboxMain() {}

    public static void main(String[] args) throws InterruptedException {
        ClioSandbox.Builder b = ClioSandbox.builder().port(8090);
        String clientId = null;
        String clientSecret = null;
        List<String> redirects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
                case "--host" -> b.host(value(args, ++i, a));
                case "--seed" -> b.seed(Path.of(value(args, ++i, a)));
                case "--rate-limit" -> b.rateLimitPerMinute(Integer.parseInt(value(args, ++i, a)));
                case "--token-ttl" -> b.accessTokenTtl(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                case "--region" -> b.region(Region.valueOf(value(args, ++i, a).toUpperCase(java.util.Locale.ROOT)));
                case "--public-base-url" -> b.publicBaseUrl(value(args, ++i, a));
                case "--client-id" -> clientId = value(args, ++i, a);
                case "--client-secret" -> clientSecret = value(args, ++i, a);
                case "--redirect-uri" -> redirects.add(value(args, ++i, a));
                case "--auto-consent" -> {
                    String v = value(args, ++i, a);
                    int c = v.lastIndexOf(':');
                    b.autoConsentAs(c < 0 ? v : v.substring(0, c), c < 0 ? null : Long.valueOf(v.substring(c + 1)));
                }
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + a);
                    usage();
                    System.exit(2);
                }
            }
        }
        if (clientId != null) {
            if (clientSecret == null || redirects.isEmpty()) {
                System.err.println("--client-id needs --client-secret and at least one --redirect-uri");
                System.exit(2);
            }
            b.oauthClient(clientId, clientSecret, redirects.toArray(String[]::new));
        }
        ClioSandbox sandbox = b.build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "clio-sandbox-shutdown"));
        System.out.println("Clio sandbox ready at " + sandbox.baseUrl() + " (API " + sandbox.apiUrl() + ", admin "
                + sandbox.baseUrl() + "/_sandbox, firms " + sandbox.admin().firmKeys() + ")");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static void usage() {
        System.out.println("""
                Usage: ClioSandboxMain [--port N] [--host ADDR] [--seed FILE] [--rate-limit N] [--token-ttl SECONDS]
                                       [--region US|EU|CA|AU] [--public-base-url URL]
                                       [--client-id ID --client-secret SECRET --redirect-uri URI]
                                       [--auto-consent FIRM[:USER_ID]]""");
    }
}
