package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    private final ObjectMapper mapper = EventJson.mapper();

    @Test
    void amountIsAJsonStringAndKeepsItsScale() throws Exception {
        JsonNode json = mapper.valueToTree(Money.of("250.00", "USD"));

        assertThat(json.get("amount").isTextual()).isTrue();
        assertThat(json.get("amount").asText()).isEqualTo("250.00");
        assertThat(json.get("currency").asText()).isEqualTo("USD");

        Money back = mapper.readValue("{\"amount\":\"250.00\",\"currency\":\"USD\"}", Money.class);
        assertThat(back.amount().scale()).isEqualTo(2);
        assertThat(back).isEqualTo(Money.of("250.00", "USD"));
    }

    @Test
    void amountIsWrittenInPlainNotation() throws Exception {
        Money money = new Money(new BigDecimal("1.5E+3"), "EUR");
        assertThat(mapper.writeValueAsString(money)).isEqualTo("{\"amount\":\"1500\",\"currency\":\"EUR\"}");
        assertThat(money.toString()).isEqualTo("1500 EUR");
    }

    @Test
    void precisionIsNotLost() throws Exception {
        String json = "{\"amount\":\"1234567890123.123456\",\"currency\":\"USD\"}";
        Money money = mapper.readValue(json, Money.class);
        assertThat(money.amount()).isEqualByComparingTo("1234567890123.123456");
        assertThat(mapper.writeValueAsString(money)).isEqualTo(json);
    }

    @Test
    void scaleMattersForEqualsButNotForSameValue() {
        assertThat(Money.of("250.00", "USD")).isNotEqualTo(Money.of("250", "USD"));
        assertThat(Money.of("250.00", "USD").isSameValueAs(Money.of("250", "USD"))).isTrue();
        assertThat(Money.of("250.00", "USD").isSameValueAs(Money.of("250.00", "EUR"))).isFalse();
        assertThat(Money.of("250.00", "USD").isSameValueAs(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"usd", "US", "USDD", "U$D", ""})
    void currencyMustBeThreeUpperCaseLetters(String currency) {
        assertThatThrownBy(() -> Money.of("1.00", currency)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> new Money(null, "USD")).isInstanceOf(NullPointerException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void negativeAmountsAreAllowed() {
        assertThat(Money.of("-12.50", "CAD").amount()).isEqualByComparingTo("-12.50");
    }

    @Test
    void schemaRejectsMoneyWithTooManyDecimalsOrLowerCaseCurrency() throws Exception {
        EventCodec codec = EventCodec.shared();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Examples.validExample(EventType.CLIENT_RATE_CHANGED));

        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("rate")).put("amount", "375.1234567");
        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(json), EventType.CLIENT_RATE_CHANGED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.rate.amount");

        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("rate")).put("amount", "375.00").put("currency", "usd");
        assertThatThrownBy(() -> codec.decode(mapper.writeValueAsString(json), EventType.CLIENT_RATE_CHANGED))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("$.rate.currency");
    }
}
