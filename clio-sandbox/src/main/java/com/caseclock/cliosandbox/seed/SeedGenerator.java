package com.caseclock.cliosandbox.seed;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.caseclock.cliosandbox.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Writes seed files: the demo seed (two firms, "Harbor &amp; Pine LLP" {@code harbor-pine} and "Núñez O'Connor
 * Avocats" {@code nunez-oconnor}) with any number of matters per firm — the shipped {@code seeds/demo.json} is
 * {@code --matters 160}; benchmarks use {@code --matters 100000}. Deterministic for a given {@code --random-seed}.
 * Streams its output, so large seeds need little memory.
 *
 * <p>Every rate layer of https://help.clio.com/hc/en-us/articles/9289801180187-Rates-and-Rate-Hierarchies- is covered
 * in each firm by the first matters (ids printed in the README): an hourly matter with user and group rates, a
 * flat-rate matter, a contingency matter, clients with client rates (all users, per user, per group), and activity
 * descriptions of type {@code User}, {@code Custom} and {@code FlatRate}.
 *
 * <pre>java -cp clio-sandbox.jar:DEPENDENCIES com.caseclock.cliosandbox.seed.SeedGenerator --matters 100000 --out /tmp/big.json</pre>
 * (DEPENDENCIES: the module's runtime classpath, e.g. from {@code ./mvnw -pl clio-sandbox dependency:build-classpath}).
 * {@code --accounts N} (at least 2) adds Clio accounts {@code account-03} … {@code account-N} after the demo firms.
 */
public final class SeedGenerator {
    /** Timestamps are generated relative to this instant, so seeds are reproducible. */
    public static final Instant REFERENCE = Instant.parse("2026-11-01T12:00:00Z");

    private static final String[] FIRST = {"Siobhán", "José", "Chloé", "D'Angelo", "Björn", "Mary-Kate", "Renée", "Zoë",
        "Ngozi", "Søren", "Aoife", "Jürgen", "Łukasz", "Mía", "Noël", "Ana", "Kwame", "Hélène", "Oğuz", "Marie-Ève",
        "Liam", "Olivia", "Ethan", "Grace", "Yusuf", "Ingrid", "Ciarán", "Beatriz", "Thảo", "Émile"};
    private static final String[] LAST = {"O'Reilly", "Muñoz", "Lefèvre", "Russo", "Åström", "O'Neil", "D'Souza",
        "García-López", "Nakamura", "Müller", "Ó Briain", "Kowalczyk", "Dubois", "Okafor", "Brontë", "MacDonald",
        "van der Berg", "Nguyễn", "St. John", "Smith", "Johnson", "Côté", "Ferreira", "Schröder", "Þórsson", "Leclerc",
        "de la Cruz", "Al-Hassan", "Fitzgerald", "Pérez"};
    private static final String[] COMPANY_A = {"Smith", "Ben", "O'Malley", "Crème Brûlée", "Société Générale d'Études",
        "Harbor", "Baker", "Müller", "Ørsted", "Lumière", "Greene", "Fjord", "Château", "Ludwig", "Café", "North Star"};
    private static final String[] COMPANY_B = {"& Wesson Holdings", "& Jerry's Trust", "& Sons Ltd.", "Café LLC", "SARL",
        "Logistics Inc.", "& Partners", "GmbH", "A/S", "Productions", "Développement S.A.", "Shipping Co.",
        "Vineyards LLC", "& Co.", "Bakery & Bistro", "Ventures"};
    private static final String[] MATTER_TOPICS = {"Contract dispute", "Lease renewal", "Employment claim",
        "Trademark filing", "Estate planning", "Share purchase agreement", "Personal injury", "Debt recovery",
        "Immigration application", "Regulatory inquiry", "Construction defect", "Divorce & custody",
        "Franchise review", "Data-protection audit", "Insurance coverage", "Shareholders' agreement",
        "Appel — licenciement", "Succession d'Élodie", "Bail commercial", "Property boundary"};

    private record Person(String first, String last, String email, double rate, String type, boolean owner) {}

    private record FirmSpec(String key, String name, long accountId, String currency, int rounding, List<Person> users,
            List<String> groups, String domain) {}

    private final JsonGenerator g;
    private final Random rnd;
    private long nextId = 100;

    private SeedGenerator(JsonGenerator g, long randomSeed) {
        this.g = g;
        this.rnd = new Random(randomSeed);
    }

    /**
     * Command line: writes a seed file, or prints one line on standard error and exits 2 on bad arguments (a number
     * that is not one, fewer than 2 accounts, a negative matter count, a missing value or an unknown option) and 1 when
     * the file cannot be written. The file is written under a temporary name and renamed when complete, so a failure
     * never leaves a partial seed behind.
     */
    public static void main(String[] args) throws IOException {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SeedGenerator: " + e.getMessage() + " (try --help)");
            System.exit(2);
        } catch (IOException e) {
            System.err.println("SeedGenerator: could not write the seed: " + e);
            System.exit(1);
        }
    }

    private static int number(String[] args, int i, String option, int min) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        int value;
        try {
            value = Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + args[i] + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min);
        }
        return value;
    }

    /**
     * What {@link #main} does, without exiting: for callers in the same JVM.
     *
     * @throws IllegalArgumentException on bad arguments (the message says which)
     * @throws IOException              when the file cannot be written (no partial file is left)
     */
    public static void run(String[] args) throws IOException {
        int matters = 160;
        int accounts = 2;
        Path out = Path.of("seed.json");
        long randomSeed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--matters" -> matters = number(args, ++i, "--matters", 0);
                case "--accounts" -> accounts = number(args, ++i, "--accounts", 2);
                case "--out" -> {
                    if (++i >= args.length) {
                        throw new IllegalArgumentException("--out needs a file name");
                    }
                    out = Path.of(args[i]);
                }
                case "--random-seed" -> randomSeed = number(args, ++i, "--random-seed", Integer.MIN_VALUE);
                case "-h", "--help" -> {
                    System.out.println("SeedGenerator [--matters N (per firm, default 160)] [--accounts N (Clio accounts, "
                            + "default 2: the demo firms; more are added as account-03, account-04, ...)] [--out FILE] "
                            + "[--random-seed S]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream os = Files.newOutputStream(partial)) {
            write(os, matters, randomSeed, matters <= 1000, accounts);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("wrote " + out.toAbsolutePath() + " (" + accounts + " Clio accounts, " + matters
                + " matters each)");
    }

    /** Writes a seed with {@code mattersPerFirm} matters in each of the two demo firms. */
    public static void write(Path out, int mattersPerFirm, long randomSeed) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            write(os, mattersPerFirm, randomSeed, mattersPerFirm <= 1000);
        }
    }

    public static void write(OutputStream os, int mattersPerFirm, long randomSeed, boolean pretty) throws IOException {
        write(os, mattersPerFirm, randomSeed, pretty, 2);
    }

    /**
     * Writes a seed of {@code accounts} Clio accounts (firms): the two demo firms, then {@code account-03},
     * {@code account-04}, ... built the same way (four users, two groups, the same rate layers), for benchmarks that
     * give every CaseClock firm a Clio account of its own.
     */
    public static void write(OutputStream os, int mattersPerFirm, long randomSeed, boolean pretty, int accounts)
            throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(os, JsonEncoding.UTF8)) {
            if (pretty) g.setPrettyPrinter(new DefaultPrettyPrinter());
            new SeedGenerator(g, randomSeed).seed(mattersPerFirm, firms(accounts));
        }
    }

    private static List<FirmSpec> firms(int accounts) {
        List<FirmSpec> all = new java.util.ArrayList<>(demoFirms());
        for (int n = 3; n <= accounts; n++) {
            String domain = String.format("account-%02d.example", n);
            all.add(new FirmSpec(String.format("account-%02d", n), String.format("Account %02d LLP", n), 9000 + n,
                    "USD", 6, List.of(
                            new Person("Avery", "Owner", "avery.owner@" + domain, 350, "Attorney", true),
                            new Person("Blake", "Partner", "blake.partner@" + domain, 300, "Attorney", false),
                            new Person("Casey", "Associate", "casey.associate@" + domain, 225, "Attorney", false),
                            new Person("Drew", "Paralegal", "drew.paralegal@" + domain, 110, "NonAttorney", false)),
                    List.of("Litigation", "Corporate"), domain));
        }
        return all;
    }

    private static List<FirmSpec> demoFirms() {
        return List.of(
                new FirmSpec("harbor-pine", "Harbor & Pine LLP", 9001, "USD", 6, List.of(
                        new Person("Dana", "O'Brien", "dana.obrien@harborpine.example", 350, "Attorney", true),
                        new Person("Marcus", "Chen", "marcus.chen@harborpine.example", 275, "Attorney", false),
                        new Person("Priya", "Raman", "priya.raman@harborpine.example", 300, "Attorney", false),
                        new Person("Zoë", "Álvarez", "zoe.alvarez@harborpine.example", 125, "NonAttorney", false)),
                        List.of("Litigation", "Corporate"), "harborpine.example"),
                new FirmSpec("nunez-oconnor", "Núñez O'Connor Avocats", 9002, "EUR", 15, List.of(
                        new Person("Lucía", "Núñez", "lucia.nunez@nunez-oconnor.example", 400, "Attorney", true),
                        new Person("Seán", "O'Connor", "sean.oconnor@nunez-oconnor.example", 320, "Attorney", false),
                        new Person("François", "Lefèvre", "francois.lefevre@nunez-oconnor.example", 250, "Attorney", false),
                        new Person("Amélie", "Dubois", "amelie.dubois@nunez-oconnor.example", 110, "NonAttorney", false)),
                        List.of("Contentieux", "Affaires"), "nunez-oconnor.example"));
    }

    private void seed(int mattersPerFirm, List<FirmSpec> firms) throws IOException {
        g.writeStartObject();
        g.writeStringField("_comment", "Generated by com.caseclock.cliosandbox.seed.SeedGenerator --matters " + mattersPerFirm
                + ". Field names follow Clio's write bodies; see clio-sandbox/README.md.");
        g.writeArrayFieldStart("oauth_clients");
        g.writeStartObject();
        g.writeStringField("client_id", "caseclock-local");
        g.writeStringField("client_secret", "caseclock-local-secret");
        g.writeStringField("name", "CaseClock (local)");
        g.writeArrayFieldStart("redirect_uris");
        g.writeString("http://localhost:8082/api/v1/connections/clio/callback");
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("firms");
        for (FirmSpec f : firms) firm(f, mattersPerFirm);
        g.writeEndArray();
        g.writeEndObject();
    }

    private long id() {
        return nextId++;
    }

    private static String ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC).toString();
    }

    private void firm(FirmSpec f, int matterCount) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", f.key());
        g.writeStringField("name", f.name());
        g.writeNumberField("account_id", f.accountId());
        g.writeStringField("created_at", "2012-03-01T09:00:00Z");
        g.writeObjectFieldStart("billing");
        g.writeNumberField("rounding", f.rounding());
        g.writeStringField("currency", f.currency());
        g.writeEndObject();

        long[] users = new long[f.users().size()];
        g.writeArrayFieldStart("users");
        for (int i = 0; i < users.length; i++) {
            Person p = f.users().get(i);
            users[i] = id();
            g.writeStartObject();
            g.writeNumberField("id", users[i]);
            g.writeStringField("first_name", p.first());
            g.writeStringField("last_name", p.last());
            g.writeStringField("email", p.email());
            g.writeNumberField("rate", p.rate());
            g.writeStringField("subscription_type", p.type());
            g.writeBooleanField("account_owner", p.owner());
            g.writeArrayFieldStart("roles");
            g.writeString(p.owner() ? "Administrator" : "Billing");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        long everyone = id();
        long groupA = id();
        long groupB = id();
        g.writeArrayFieldStart("groups");
        group(everyone, "Everyone", "AccountGroup", users);
        group(groupA, f.groups().get(0), "AdhocGroup", new long[] {users[0], users[1]});
        group(groupB, f.groups().get(1), "AdhocGroup", new long[] {users[2], users[3]});
        g.writeEndArray();

        long research = id();
        long court = id();
        long filing = id();
        long call = id();
        g.writeArrayFieldStart("activity_descriptions");
        description(research, "Research", "User", 0);
        description(court, "Court appearance", "Custom", 450);
        description(filing, "Fixed-fee filing", "FlatRate", 750);
        description(call, "Client call", "User", 0);
        g.writeEndArray();

        int clientCount = Math.max(40, Math.min(matterCount / 3, 20_000));
        long[] clients = new long[clientCount];
        g.writeArrayFieldStart("contacts");
        for (int i = 0; i < clientCount; i++) {
            clients[i] = id();
            boolean company = i % 3 == 1;
            Instant created = REFERENCE.minusSeconds(86_400L * (30 + rnd.nextInt(4000)));
            g.writeStartObject();
            g.writeNumberField("id", clients[i]);
            if (company) {
                String name = COMPANY_A[rnd.nextInt(COMPANY_A.length)] + " " + COMPANY_B[rnd.nextInt(COMPANY_B.length)];
                if (i > COMPANY_A.length) name = name + " " + (i / 3 + 1);
                g.writeStringField("type", "Company");
                g.writeStringField("name", name);
                g.writeStringField("primary_email_address", "legal" + i + "@client.example");
            } else {
                String first = FIRST[rnd.nextInt(FIRST.length)];
                String last = LAST[rnd.nextInt(LAST.length)];
                g.writeStringField("type", "Person");
                g.writeStringField("first_name", first);
                g.writeStringField("last_name", last);
                g.writeStringField("primary_email_address", "client" + i + "@mail.example");
                g.writeStringField("primary_phone_number", "+1 555 01" + String.format("%02d", i % 100));
            }
            g.writeBooleanField("is_client", true);
            g.writeStringField("created_at", ts(created));
            g.writeStringField("updated_at", ts(created.plusSeconds(86_400L * rnd.nextInt(20))));
            g.writeEndObject();
        }
        g.writeEndArray();

        // client rates: clients[1] all users, clients[2] one user, clients[3] one group, clients[4] flat
        g.writeArrayFieldStart("activity_rates");
        clientRate(clients[1], 295, null, null, false);
        clientRate(clients[2], 310, users[1], null, false);
        clientRate(clients[3], 240, null, groupB, false);
        clientRate(clients[4], 1200, null, null, true);
        g.writeEndArray();

        g.writeArrayFieldStart("matters");
        long[] matters = new long[matterCount];
        for (int i = 0; i < matterCount; i++) {
            matters[i] = id();
            matter(f, i, matters[i], clients, users, groupA, filing);
        }
        g.writeEndArray();

        g.writeArrayFieldStart("activities");
        for (int i = 0; i < Math.min(matterCount, 30); i++) {
            for (int k = 0; k < 3; k++) {
                g.writeStartObject();
                g.writeNumberField("id", id());
                g.writeStringField("type", "TimeEntry");
                LocalDate date = LocalDate.ofInstant(REFERENCE, ZoneOffset.UTC).minusDays(rnd.nextInt(120));
                g.writeStringField("date", date.toString());
                g.writeNumberField("quantity", 600 * (1 + rnd.nextInt(24)));
                g.writeObjectFieldStart("matter");
                g.writeNumberField("id", matters[i]);
                g.writeEndObject();
                g.writeObjectFieldStart("user");
                g.writeNumberField("id", users[k % users.length]);
                g.writeEndObject();
                g.writeObjectFieldStart("activity_description");
                g.writeNumberField("id", k == 0 ? research : call);
                g.writeEndObject();
                g.writeStringField("note", k == 0 ? "Reviewed the client's file & drafted notes" : "Call with client re: next steps");
                if (i % 10 == 9 && k == 0) g.writeBooleanField("billed", true);
                g.writeStringField("created_at", ts(date.atTime(18, 0).toInstant(ZoneOffset.UTC)));
                g.writeStringField("updated_at", ts(date.atTime(18, 0).toInstant(ZoneOffset.UTC)));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void group(long id, String name, String type, long[] members) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("name", name);
        g.writeStringField("type", type);
        g.writeArrayFieldStart("users");
        for (long m : members) g.writeNumber(m);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void description(long id, String name, String type, double amount) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeStringField("name", name);
        g.writeObjectFieldStart("rate");
        g.writeStringField("type", type);
        g.writeNumberField("amount", amount);
        g.writeEndObject();
        g.writeEndObject();
    }

    private void clientRate(long contact, double rate, Long user, Long group, boolean flat) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id());
        g.writeNumberField("contact_id", contact);
        g.writeNumberField("rate", rate);
        g.writeBooleanField("flat_rate", flat);
        if (user != null) {
            g.writeObjectFieldStart("user");
            g.writeNumberField("id", user);
            g.writeEndObject();
        }
        if (group != null) {
            g.writeObjectFieldStart("group");
            g.writeNumberField("id", group);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * Matter {@code i}: 0 = hourly custom rates (user + group), 1 = flat rate, 2 = contingency fee, 3..6 = clients with
     * client rates (all users, one user, one group, flat), the rest random (about 70 % open, 20 % closed, 10 % pending,
     * opened between 2012 and 2026).
     */
    private void matter(FirmSpec f, int i, long id, long[] clients, long[] users, long groupA, long filing) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", id);
        g.writeNumberField("number", i + 1);
        long client = i >= 3 && i <= 6 ? clients[i - 2] : i < 3 ? clients[0] : clients[7 + rnd.nextInt(clients.length - 7)];
        g.writeObjectFieldStart("client");
        g.writeNumberField("id", client);
        g.writeEndObject();
        String description = switch (i) {
            case 0 -> "Rate demo — hourly custom rates (user & group)";
            case 1 -> "Rate demo — flat fee";
            case 2 -> "Rate demo — contingency fee";
            case 3 -> "Rate demo — client rate for everyone";
            case 4 -> "Rate demo — client rate for one user";
            case 5 -> "Rate demo — client rate for a group";
            case 6 -> "Rate demo — client flat rate";
            default -> MATTER_TOPICS[rnd.nextInt(MATTER_TOPICS.length)] + " (" + (i + 1) + ")";
        };
        g.writeStringField("description", description);
        int roll = i < 7 ? 0 : rnd.nextInt(10);
        String status = roll < 7 ? "open" : roll < 9 ? "closed" : "pending";
        long ageDays = i < 7 ? 60 : 1 + rnd.nextInt(5200);
        LocalDate open = LocalDate.ofInstant(REFERENCE, ZoneOffset.UTC).minusDays(ageDays);
        g.writeStringField("status", status);
        g.writeStringField("open_date", open.toString());
        if (status.equals("closed")) g.writeStringField("close_date", open.plusDays(1 + rnd.nextInt((int) ageDays)).toString());
        if (status.equals("pending")) g.writeStringField("pending_date", open.toString());
        g.writeObjectFieldStart("responsible_attorney");
        g.writeNumberField("id", users[i % 3]);
        g.writeEndObject();
        g.writeBooleanField("billable", i % 17 != 16);
        if (i == 0) {
            g.writeObjectFieldStart("custom_rate");
            g.writeStringField("type", "HourlyRate");
            g.writeArrayFieldStart("rates");
            g.writeStartObject();
            g.writeNumberField("rate", 425);
            g.writeObjectFieldStart("user");
            g.writeNumberField("id", users[0]);
            g.writeEndObject();
            g.writeEndObject();
            g.writeStartObject();
            g.writeNumberField("rate", 380);
            g.writeObjectFieldStart("group");
            g.writeNumberField("id", groupA);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } else if (i == 1) {
            g.writeObjectFieldStart("custom_rate");
            g.writeStringField("type", "FlatRate");
            g.writeArrayFieldStart("rates");
            g.writeStartObject();
            g.writeNumberField("rate", 5000);
            g.writeObjectFieldStart("user");
            g.writeNumberField("id", users[0]);
            g.writeEndObject();
            g.writeObjectFieldStart("activity_description");
            g.writeNumberField("id", filing);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        } else if (i == 2) {
            g.writeObjectFieldStart("custom_rate");
            g.writeStringField("type", "ContingencyFee");
            g.writeArrayFieldStart("rates");
            g.writeStartObject();
            g.writeNumberField("rate", 33.33);
            g.writeObjectFieldStart("user");
            g.writeNumberField("id", users[0]);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        Instant created = open.atTime(9, 30).toInstant(ZoneOffset.UTC);
        Instant updated = created.plusSeconds(Math.min(ageDays * 86_400L - 3600, 3600L + rnd.nextInt(86_400 * 30)));
        g.writeStringField("created_at", ts(created));
        g.writeStringField("updated_at", ts(updated.isAfter(REFERENCE) ? REFERENCE : updated));
        g.writeEndObject();
    }
}
