package com.caseclock.cliosandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.caseclock.cliosandbox.http.ApiException;
import com.caseclock.cliosandbox.rates.TimeRounding;
import com.caseclock.cliosandbox.render.FieldSelection;
import com.caseclock.cliosandbox.webhooks.HookSignature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSelectionTest {
    @Test
    void parsesOneLevelOfBraces() {
        FieldSelection s = FieldSelection.parse("id,etag,client{id,name},custom_rate");
        assertThat(s.fields()).containsExactly(new FieldSelection.Field("id", null), new FieldSelection.Field("etag", null),
                new FieldSelection.Field("client", List.of("id", "name")), new FieldSelection.Field("custom_rate", null));
        assertThat(FieldSelection.parse(null)).isEqualTo(FieldSelection.DEFAULT);
    }

    @Test
    void rejectsDeeperNestingAndBrokenBraces() {
        assertThatThrownBy(() -> FieldSelection.parse("client{company{name}}")).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> FieldSelection.parse("client{id")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> FieldSelection.parse("id}")).isInstanceOf(ApiException.class);
    }

    @Test
    void roundingIsUpToTheIncrement() {
        assertThat(TimeRounding.roundUp(new BigDecimal("1"), 6)).isEqualByComparingTo("360");
        assertThat(TimeRounding.roundUp(new BigDecimal("360"), 6)).isEqualByComparingTo("360");
        assertThat(TimeRounding.roundUp(new BigDecimal("361"), 6)).isEqualByComparingTo("720");
        assertThat(TimeRounding.roundUp(new BigDecimal("361"), 0)).isEqualByComparingTo("361");
    }

    @Test
    void signatureIsHexHmacSha256() {
        // RFC 4231 test case 2
        assertThat(HookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }
}
