package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Entity;
import com.caseclock.cliosandbox.render.FieldSelection;
import com.caseclock.cliosandbox.render.Formats;
import com.caseclock.cliosandbox.render.Projector;
import com.caseclock.cliosandbox.render.Rendered;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Index endpoints: common filters ({@code ids[]}, {@code updated_since}, {@code created_since} — strictly "after" the
 * given time [inf]), {@code order}, {@code limit} (1..max, default max), and paging
 * (https://docs.developers.clio.com/api-docs/paging ):
 * <ul>
 *   <li>cursor mode (order {@code id(asc)} or {@code id(desc)}, no {@code offset}): unlimited, the opaque
 *       {@code page_token} in {@code meta.paging.next} continues after the last id;</li>
 *   <li>offset mode ({@code offset=N}, or any other order): capped at 10,000 records; asking beyond answers 422
 *       {@code ArgumentError}.</li>
 * </ul>
 * {@code meta.paging.next} is absent on the last page; {@code meta.records} carries the total count [obs].
 */
public final class ListQuery<T extends Entity> {
    /** Clio's offset-paging cap (50 pages of 200). */
    public static final int OFFSET_CAP = 10_000;
    private static final Pattern ORDER = Pattern.compile("([a-z_.]+)(?:\\((asc|desc)\\))?");

    private final Map<String, Comparator<T>> orders = new LinkedHashMap<>();
    private final int maxLimit;

    public ListQuery(int maxLimit) {
        this.maxLimit = maxLimit;
        orders.put("id", Comparator.comparingLong(e -> e.id));
        orders.put("updated_at", Comparator.<T, Instant>comparing(e -> e.updatedAt).thenComparingLong(e -> e.id));
        orders.put("created_at", Comparator.<T, Instant>comparing(e -> e.createdAt).thenComparingLong(e -> e.id));
    }

    /** Allows {@code order=<name>(asc|desc)} with this comparator (ties broken by id). */
    public ListQuery<T> order(String name, Comparator<T> comparator) {
        orders.put(name, comparator.thenComparingLong(e -> e.id));
        return this;
    }

    /** Runs the query and renders the page as {@code {"data":[…],"meta":{…}}}. */
    public Map<String, Object> run(ApiCall call, NavigableMap<Long, T> source, Predicate<T> filter, Function<T, Rendered> render) {
        FieldSelection sel = call.fields();
        int limit = intParam(call, "limit", maxLimit);
        if (limit < 1 || limit > maxLimit) throw ApiException.badRequest("limit must be between 1 and " + maxLimit);
        Predicate<T> all = filter.and(common(call));

        String orderParam = call.param("order") == null ? "id(asc)" : call.param("order").trim();
        Matcher om = ORDER.matcher(orderParam);
        if (!om.matches() || !orders.containsKey(om.group(1))) throw ApiException.badRequest("Invalid order: " + orderParam);
        boolean desc = "desc".equals(om.group(2));
        Comparator<T> cmp = orders.get(om.group(1));
        if (desc) cmp = cmp.reversed();

        String token = call.param("page_token");
        String offsetParam = call.param("offset");
        boolean cursor = "id".equals(om.group(1)) && offsetParam == null && (token == null || token.startsWith("c"));
        List<T> page;
        String next = null;
        String previous = null;
        int total;
        if (cursor) {
            // id order: walk the id-ordered map from the cursor, no sorting needed
            long after = token == null ? (desc ? Long.MAX_VALUE : Long.MIN_VALUE) : decodeCursor(token);
            total = 0;
            for (T t : source.values()) if (all.test(t)) total++;
            Collection<T> rest = desc ? source.headMap(after, false).descendingMap().values() : source.tailMap(after, false).values();
            page = new ArrayList<>(Math.min(limit, 256));
            boolean more = false;
            for (T t : rest) {
                if (!all.test(t)) continue;
                if (page.size() == limit) {
                    more = true;
                    break;
                }
                page.add(t);
            }
            if (more) next = url(call, "page_token", "c" + encode(Long.toString(page.get(page.size() - 1).id)));
        } else {
            List<T> matching = new ArrayList<>();
            for (T t : source.values()) if (all.test(t)) matching.add(t);
            matching.sort(cmp);
            total = matching.size();
            int offset = offsetParam != null ? intParam(call, "offset", 0) : token != null ? decodeOffset(token) : 0;
            if (offset < 0) throw ApiException.badRequest("offset must be >= 0");
            if (offset >= OFFSET_CAP) {
                throw new ApiException(422, "ArgumentError",
                        "Offset pagination is limited to " + OFFSET_CAP + " records; use cursor pagination (order=id(asc))");
            }
            int end = Math.min(Math.min(offset + limit, total), OFFSET_CAP);
            page = offset >= total ? List.of() : matching.subList(offset, end);
            if (end < total && end < OFFSET_CAP) {
                next = offsetParam != null ? url(call, "offset", Integer.toString(end)) : url(call, "page_token", "o" + encode(Integer.toString(end)));
            }
            if (offset > 0) {
                int prev = Math.max(0, offset - limit);
                previous = offsetParam != null ? url(call, "offset", Integer.toString(prev)) : url(call, "page_token", "o" + encode(Integer.toString(prev)));
            }
        }
        List<Object> data = new ArrayList<>(page.size());
        for (T t : page) data.add(Projector.project(render.apply(t), sel));
        Map<String, Object> paging = new LinkedHashMap<>();
        if (previous != null) paging.put("previous", previous);
        if (next != null) paging.put("next", next);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("paging", paging);
        meta.put("records", total);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", data);
        out.put("meta", meta);
        return out;
    }

    private Predicate<T> common(ApiCall call) {
        Predicate<T> p = t -> true;
        String updatedSince = call.param("updated_since");
        if (updatedSince != null) {
            Instant since = Formats.parseTime(updatedSince, "updated_since");
            p = p.and(t -> t.updatedAt.isAfter(since));
        }
        String createdSince = call.param("created_since");
        if (createdSince != null) {
            Instant since = Formats.parseTime(createdSince, "created_since");
            p = p.and(t -> t.createdAt.isAfter(since));
        }
        List<String> ids = new ArrayList<>(call.params().getAll("ids[]"));
        ids.addAll(call.params().getAll("ids"));
        if (!ids.isEmpty()) {
            Set<Long> set = new HashSet<>();
            for (String s : ids) for (String part : s.split(",")) set.add(parseLong(part, "ids[]"));
            p = p.and(t -> set.contains(t.id));
        }
        return p;
    }

    static long parseLong(String s, String param) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for " + param + ": " + s);
        }
    }

    private static int intParam(ApiCall call, String name, int dflt) {
        String v = call.param(name);
        if (v == null) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Invalid value for " + name + ": " + v);
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token.substring(1)), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Invalid page_token");
        }
    }

    private static long decodeCursor(String token) {
        return parseLong(decode(token), "page_token");
    }

    private static int decodeOffset(String token) {
        if (!token.startsWith("o")) throw ApiException.badRequest("Invalid page_token");
        return (int) parseLong(decode(token), "page_token");
    }

    /** The request URL with {@code key=value} replacing any page_token/offset. */
    private static String url(ApiCall call, String key, String value) {
        StringBuilder sb = new StringBuilder(call.baseUrl()).append(call.path()).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : call.params().entries()) {
            if (e.getKey().equals("page_token") || e.getKey().equals("offset")) continue;
            if (!first) sb.append('&');
            sb.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            first = false;
        }
        if (!first) sb.append('&');
        sb.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return sb.toString();
    }
}
