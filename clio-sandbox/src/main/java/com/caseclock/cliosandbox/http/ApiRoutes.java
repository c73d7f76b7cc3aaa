package com.caseclock.cliosandbox.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route table for {@code /api/v4}. Patterns are written without the prefix and without the {@code .json} suffix
 * ({@code /matters/{id}}); both the suffixed form of the spec and the suffix-less form of Clio's guides are accepted
 * (SPEC {@code paths}; https://docs.developers.clio.com/api-docs/fields ).
 */
public final class ApiRoutes {
    /** Handles one authenticated call; runs under the state lock. */
    @FunctionalInterface
    public interface Handler {
        ApiResponse handle(ApiCall call);
    }

    /** A matched route with the ids captured from the path. */
    public record Match(Handler handler, List<Long> ids) {}

    private record Route(String method, Pattern pattern, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    /** Registers {@code method template}; {@code {id}}-style placeholders capture numeric ids. */
    public ApiRoutes add(String method, String template, Handler handler) {
        String regex = "^" + template.replaceAll("\\{[a-z_]+\\}", "(\\\\d+)") + "(?:\\.json)?$";
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** @param path the path below {@code /api/v4} */
    public Optional<Match> match(String method, String path) {
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(path);
            if (m.matches() && r.method.equalsIgnoreCase(method)) {
                List<Long> ids = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) ids.add(Long.parseLong(m.group(i)));
                return Optional.of(new Match(r.handler, ids));
            }
        }
        return Optional.empty();
    }

    /** True when some route matches the path with another method (405 rather than 404). */
    public boolean pathExists(String path) {
        return routes.stream().anyMatch(r -> r.pattern.matcher(path).matches());
    }
}
