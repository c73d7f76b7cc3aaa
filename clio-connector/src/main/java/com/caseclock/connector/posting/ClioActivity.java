package com.caseclock.connector.posting;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What Clio stored for an activity, as read back.
 *
 * @param id               Clio activity id
 * @param etag             its ETag (for {@code If-Match})
 * @param quantitySeconds  seconds after the firm's rounding ({@code rounded_quantity}, else {@code quantity})
 * @param price            rate per hour (or flat amount) Clio applied, or null
 * @param total            total Clio computed, or null
 * @param billed           on an approved bill ({@code billed})
 */
public record ClioActivity(long id, String etag, Long quantitySeconds, BigDecimal price, BigDecimal total,
        boolean billed) {

    /** The fields to ask Clio for. */
    public static final String FIELDS = "id,etag,date,quantity,rounded_quantity,price,total,billed,on_bill,note,"
            + "non_billable,matter{id},user{id}";

    /** @param data Clio's {@code data} object */
    public static ClioActivity of(JsonNode data) {
        JsonNode rounded = data.path("rounded_quantity");
        JsonNode quantity = rounded.isNumber() ? rounded : data.path("quantity");
        return new ClioActivity(data.path("id").asLong(), data.path("etag").asText(null),
                quantity.isNumber() ? Long.valueOf(quantity.decimalValue().setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValueExact()) : null,
                decimal(data.path("price")), decimal(data.path("total")), data.path("billed").asBoolean(false));
    }

    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            return new BigDecimal(node.asText().trim());
        }
        return null;
    }
}
