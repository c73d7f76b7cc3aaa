package com.caseclock.cliosandbox.http;

import com.caseclock.cliosandbox.model.Contact;
import com.caseclock.cliosandbox.model.Firm;
import com.caseclock.cliosandbox.model.Matter;
import com.caseclock.cliosandbox.model.MatterStatus;
import com.caseclock.cliosandbox.render.Representations;
import com.caseclock.cliosandbox.store.Stores;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /matters}: list (filters {@code status} lower-case and comma-separated, {@code client_id},
 * {@code responsible_attorney_id}, {@code originating_attorney_id} (keyword {@code null} allowed), {@code group_id},
 * {@code billable}, {@code query}, {@code open_date[]}/{@code close_date[]} with operator prefixes, plus the common
 * ones of {@link ListQuery}), show, create, update, delete, and {@code /matters/{id}/client}.
 * Source: SPEC {@code paths["/matters.json"]}, {@code paths["/matters/{id}.json"]}.
 */
public final class MattersApi {
    private MattersApi() {}

    public static void register(ApiRoutes routes, Stores s) {
        routes.add("GET", "/matters", call -> {
            Firm f = call.firm();
            ListQuery<Matter> q = new ListQuery<Matter>(200)
                    .order("display_number", Comparator.comparing(m -> nz(m.displayNumber)))
                    .order("open_date", Comparator.comparing(m -> m.openDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .order("close_date", Comparator.comparing(m -> m.closeDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .order("pending_date", Comparator.comparing(m -> m.pendingDate, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .order("client.name", Comparator.comparing(m -> clientName(f, m)));
            return ApiResponse.ok(q.run(call, f.matters, filter(call), m -> Representations.matter(f, m)));
        });
        routes.add("GET", "/matters/{id}", call -> {
            Matter m = s.matters().get(call.firm(), call.id());
            return Shows.show(call, m, Representations.matter(call.firm(), m));
        });
        routes.add("GET", "/matters/{id}/client", call -> {
            Matter m = s.matters().get(call.firm(), call.id());
            Contact c = m.clientId == null ? null : call.firm().contacts.get(m.clientId);
            if (c == null) throw ApiException.notFound("Client");
            return Shows.show(call, c, Representations.client(call.firm(), c));
        });
        routes.add("POST", "/matters", call -> {
            Matter m = s.matters().create(call.firm(), call.body());
            return Shows.written(call, m, Representations.matter(call.firm(), m), true);
        });
        routes.add("PATCH", "/matters/{id}", call -> {
            Shows.checkIfMatch(call, s.matters().get(call.firm(), call.id()));
            Matter m = s.matters().update(call.firm(), call.id(), call.body());
            return Shows.written(call, m, Representations.matter(call.firm(), m), false);
        });
        routes.add("DELETE", "/matters/{id}", call -> {
            s.matters().delete(call.firm(), call.id());
            return ApiResponse.noContent();
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String clientName(Firm f, Matter m) {
        Contact c = m.clientId == null ? null : f.contacts.get(m.clientId);
        return c == null ? "" : nz(c.displayName());
    }

    static Predicate<Matter> filter(ApiCall call) {
        Firm f = call.firm();
        Predicate<Matter> p = m -> true;
        String status = call.param("status");
        if (status != null) {
            Set<MatterStatus> wanted = EnumSet.noneOf(MatterStatus.class);
            for (String part : status.split(",")) {
                MatterStatus st = MatterStatus.fromRequest(part);
                if (st == null || !part.trim().equals(part.trim().toLowerCase(Locale.ROOT))) {
                    throw ApiException.badRequest("Invalid status: " + part + " (expected open, pending or closed)");
                }
                wanted.add(st);
            }
            p = p.and(m -> wanted.contains(m.status));
        }
        p = p.and(idFilter(call, "client_id", m -> m.clientId, false));
        p = p.and(idFilter(call, "responsible_attorney_id", m -> m.responsibleAttorneyId, true));
        p = p.and(idFilter(call, "originating_attorney_id", m -> m.originatingAttorneyId, true));
        p = p.and(idFilter(call, "responsible_staff_id", m -> m.responsibleStaffId, true));
        p = p.and(idFilter(call, "group_id", m -> m.groupId, false));
        String billable = call.param("billable");
        if (billable != null) {
            boolean b = Boolean.parseBoolean(billable);
            p = p.and(m -> m.billable == b);
        }
        String query = call.param("query");
        if (query != null && !query.isBlank()) {
            String q = query.toLowerCase(Locale.ROOT);
            p = p.and(m -> contains(m.displayNumber, q) || contains(String.valueOf(m.number), q)
                    || contains(m.description, q) || contains(clientName(f, m), q));
        }
        for (String dateParam : new String[] {"open_date", "close_date", "pending_date"}) {
            for (String cond : call.params().getAll(dateParam + "[]")) p = p.and(dateFilter(dateParam, cond));
            for (String cond : call.params().getAll(dateParam)) p = p.and(dateFilter(dateParam, cond));
        }
        return p;
    }

    private static boolean contains(String s, String q) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }

    private static Predicate<Matter> dateFilter(String field, String cond) {
        String c = cond.trim();
        String op = c.startsWith(">=") || c.startsWith("<=") ? c.substring(0, 2)
                : c.startsWith(">") || c.startsWith("<") || c.startsWith("=") ? c.substring(0, 1) : "=";
        LocalDate d = com.caseclock.cliosandbox.render.Formats.parseDate(c.substring(c.startsWith(op) ? op.length() : 0), field);
        return m -> {
            LocalDate v = switch (field) {
                case "open_date" -> m.openDate;
                case "close_date" -> m.closeDate;
                default -> m.pendingDate;
            };
            if (v == null) return false;
            int cmp = v.compareTo(d);
            return switch (op) {
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                default -> cmp == 0;
            };
        };
    }

    /** A {@code *_id} filter; with {@code nullKeyword} the value {@code null} matches records without one. */
    static <T> Predicate<T> idFilter(ApiCall call, String param, java.util.function.Function<T, Long> getter,
            boolean nullKeyword) {
        String v = call.param(param);
        if (v == null) return t -> true;
        if ("null".equals(v)) {
            if (!nullKeyword) throw ApiException.badRequest("The keyword null is not valid for " + param);
            return t -> getter.apply(t) == null;
        }
        long id = ListQuery.parseLong(v, param);
        return t -> getter.apply(t) != null && getter.apply(t) == id;
    }
}
