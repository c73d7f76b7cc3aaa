package com.caseclock.cliosandbox;

import com.caseclock.cliosandbox.webhooks.HookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A webhook receiver as an integrator would write it: echoes the handshake secret, verifies signatures. */
final class WebhookReceiver implements AutoCloseable {
    record Received(String hookSecret, String signature, byte[] body) {
        JsonNode json() {
            try {
                return TestClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean signedWith(String secret) {
            return HookSignature.verify(secret, body, signature);
        }
    }

    final BlockingQueue<Received> handshakes = new LinkedBlockingQueue<>();
    final BlockingQueue<Received> deliveries = new LinkedBlockingQueue<>();
    final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    volatile boolean echoSecret = true;
    private final HttpServer server;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String secret = ex.getRequestHeaders().getFirst("X-Hook-Secret");
            Received r = new Received(secret, ex.getRequestHeaders().getFirst("X-Hook-Signature"), body);
            int status = 200;
            if (secret != null) {
                handshakes.add(r);
                if (echoSecret) ex.getResponseHeaders().add("X-Hook-Secret", secret);
            } else {
                deliveries.add(r);
                synchronized (scriptedStatuses) {
                    if (!scriptedStatuses.isEmpty()) status = scriptedStatuses.removeFirst();
                }
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void script(Integer... statuses) {
        synchronized (scriptedStatuses) {
            scriptedStatuses.addAll(java.util.List.of(statuses));
        }
    }

    Received next() throws InterruptedException {
        Received r = deliveries.poll(5, TimeUnit.SECONDS);
        if (r == null) throw new AssertionError("no webhook delivery within 5 s");
        return r;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
