package com.caseclock.supportcli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port (the JDK's {@code com.sun.net.httpserver}) standing in for one CaseClock
 * service: answers configured per "METHOD path" and records every request it got.
 */
public final class FakeService implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, Map<String, String> query, String authorization, String body) {
    }

    private record Answer(int status, String contentType, String body, String location) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, null);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** Starts the server. */
    public FakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code METHOD path} (query ignored) with a JSON body. @return this */
    public FakeService answer(String method, String path, int status, String json) {
        answers.put(method + " " + path, new Answer(status, status >= 400 ? "application/problem+json"
                : "application/json", json));
        return this;
    }

    /** Answers {@code METHOD path} with a body of the given content type. @return this */
    public FakeService answer(String method, String path, int status, String contentType, String body) {
        answers.put(method + " " + path, new Answer(status, contentType, body));
        return this;
    }

    /** Answers {@code METHOD path} with a redirect (e.g. 301) to {@code location}, empty body. @return this */
    public FakeService redirect(String method, String path, int status, String location) {
        answers.put(method + " " + path, new Answer(status, "text/html", "", location));
        return this;
    }

    /** @return the requests received so far */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, query(exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Authorization"), body));
        Answer a = answers.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                "application/problem+json", "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No such path\"}"));
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", a.contentType());
        if (a.location() != null) {
            exchange.getResponseHeaders().set("Location", a.location());
        }
        exchange.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
