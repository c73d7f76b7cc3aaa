package com.caseclock.connector.sync;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.caseclock.connector.client.ClioApiClient;
import com.caseclock.connector.service.ConnectionService.AccessToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the amounts of matters' custom rates, which a matter listing cannot show: {@code custom_rate{type,rates}}
 * yields only the default attributes ({@code id}, {@code etag}) of each rate, because Clio returns second-level nested
 * resources with their defaults only and refuses fields for them with a 400
 * (https://docs.developers.clio.com/api-docs/fields; NOTES.md §3.1, §5). What Clio documents instead is the rate that
 * applies: {@code GET /activity_descriptions.json?rate_for[matter_id]=M&rate_for[user_id]=U} returns every activity
 * description with the rate that would apply to user U's time on matter M and {@code rate.hierarchy} naming the level
 * that won ({@code Matter} for a matter custom rate; OpenAPI {@code paths["/activity_descriptions.json"].get},
 * {@code ActivityDescriptionRate_base}).
 *
 * <p>So, for a matter whose {@code custom_rate.rates} is not empty:
 * <ul>
 *   <li>{@code HourlyRate}: one request per enabled user of the firm; a description that is not a flat rate and whose
 *       rate comes from the {@code Matter} level gives the user's matter rate (Clio already applied the user's own
 *       and group rates, the highest winning). The result is one rate line per user: per-group lines cannot be told
 *       apart through this endpoint.</li>
 *   <li>{@code FlatRate}: one request; the description whose rate is a non-zero {@code FlatRate} from the
 *       {@code Matter} level gives the flat amount and the activity description it is billed under (other time on a
 *       flat-fee matter is tracked at 0).</li>
 *   <li>{@code ContingencyFee}: Clio documents no way to read the percentage other than the nested rate; the matter is
 *       published as a contingency-fee matter without lines.</li>
 * </ul>
 * The lines are put on the matter's JSON as {@code custom_rate.resolved_rates} (our field, shaped like Clio's rate
 * lines), which {@link ClioRecords} reads instead of {@code rates}. Requests go through {@link PageFetcher} (5xx and
 * timeouts retried; a 429 stops the run, which resumes later). One instance per sync run ({@link FirmSyncer}): the
 * firm's enabled users are listed once, when first needed.
 */
public class MatterRates {

    /** Our field on {@code custom_rate} carrying the rate lines with amounts. */
    public static final String RESOLVED = "resolved_rates";

    private static final Logger LOG = Logger.getLogger(MatterRates.class);
    private static final String RATE_FIELDS = "id,rate{amount,type,hierarchy}";

    private final PageFetcher fetcher;
    private final ClioApiClient api;
    private List<Long> users;

    MatterRates(PageFetcher fetcher, ClioApiClient api) {
        this.fetcher = fetcher;
        this.api = api;
    }

    /**
     * @param matter one Clio matter as listed or shown
     * @return whether it has a custom rate with rate lines (whose amounts must be resolved)
     */
    public static boolean hasCustomRates(JsonNode matter) {
        JsonNode rates = matter.path("custom_rate").path("rates");
        return rates.isArray() && !rates.isEmpty();
    }

    /**
     * Resolves the amounts of one matter's custom rate and puts them on the record as
     * {@code custom_rate.resolved_rates}; a matter without custom rate lines is left as it is.
     *
     * @param token  the firm's access token
     * @param matter one Clio matter (an object node; modified)
     * @throws com.caseclock.connector.client.ClioApiException on a 4xx (429 included)
     * @throws com.caseclock.connector.client.ClioUnavailable after the retries are spent
     */
    public void resolve(AccessToken token, JsonNode matter) {
        if (!hasCustomRates(matter) || !(matter.path("custom_rate") instanceof ObjectNode customRate)) {
            return;
        }
        long matterId = matter.path("id").asLong();
        ArrayNode lines = JsonNodeFactory.instance.arrayNode();
        switch (customRate.path("type").asText("HourlyRate")) {
            case "HourlyRate" -> {
                for (long user : users(token)) {
                    for (JsonNode description : ratesFor(token, matterId, user)) {
                        JsonNode rate = description.path("rate");
                        if ("Matter".equals(rate.path("hierarchy").asText()) && !"FlatRate".equals(rate.path("type")
                                .asText()) && hasAmount(rate)) {
                            ObjectNode line = lines.addObject().set("rate", rate.path("amount"));
                            line.putObject("user").put("id", user);
                            break;
                        }
                    }
                }
            }
            case "FlatRate" -> {
                List<JsonNode> flat = new ArrayList<>();
                for (JsonNode description : ratesFor(token, matterId, null)) {
                    JsonNode rate = description.path("rate");
                    if ("Matter".equals(rate.path("hierarchy").asText())
                            && "FlatRate".equals(rate.path("type").asText()) && hasAmount(rate)
                            && new BigDecimal(rate.path("amount").asText()).signum() != 0) {
                        flat.add(description);
                    }
                }
                if (!flat.isEmpty()) {
                    ObjectNode line = lines.addObject().set("rate", flat.get(0).path("rate").path("amount"));
                    if (flat.size() == 1) {
                        // Billed under one description; when every description carries it, it is not tied to one.
                        line.putObject("activity_description").put("id", flat.get(0).path("id").asLong());
                    }
                }
            }
            default -> LOG.debugf("Matter %d: the %s percentage cannot be read from Clio", matterId,
                    customRate.path("type").asText());
        }
        customRate.set(RESOLVED, lines);
    }

    private JsonNode ratesFor(AccessToken token, long matterId, Long userId) {
        String url = base(token) + "/api/v4/activity_descriptions.json?fields=" + encode(RATE_FIELDS) + "&limit=200"
                + "&" + encode("rate_for[matter_id]") + "=" + matterId
                + (userId == null ? "" : "&" + encode("rate_for[user_id]") + "=" + userId);
        return fetcher.fetch(token.region(), token.value(), url).data();
    }

    private List<Long> users(AccessToken token) {
        if (users == null) {
            List<Long> ids = new ArrayList<>();
            String url = base(token) + "/api/v4/users.json?fields=id,enabled&enabled=true&order=" + encode("id(asc)")
                    + "&limit=200";
            while (url != null) {
                com.caseclock.connector.client.ClioPage page = fetcher.fetch(token.region(), token.value(), url);
                for (JsonNode user : page.data()) {
                    if (user.path("enabled").asBoolean(true)) {
                        ids.add(user.path("id").asLong());
                    }
                }
                url = page.next();
            }
            users = List.copyOf(ids);
        }
        return users;
    }

    private static boolean hasAmount(JsonNode rate) {
        JsonNode amount = rate.path("amount");
        return !amount.isMissingNode() && !amount.isNull() && !amount.asText().isBlank();
    }

    private String base(AccessToken token) {
        return api.baseUrl(token.region()).toString().replaceAll("/+$", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
