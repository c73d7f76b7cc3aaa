package com.caseclock.mattercache.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.caseclock.events.ActivityRateType;
import com.caseclock.events.CustomRateType;
import com.caseclock.events.MatterCustomRate;
import com.caseclock.events.MatterRateEntry;
import com.caseclock.events.MatterStatus;
import com.caseclock.events.Money;
import com.caseclock.mattercache.repository.ActivityDescriptionRecord;
import com.caseclock.mattercache.repository.ClientRateRecord;
import com.caseclock.mattercache.repository.MatterRecord;
import com.caseclock.mattercache.repository.UserRateRecord;

/** Clio's rate precedence, one test per layer, plus groups, contingency and the unknown cases. */
class RatePrecedenceTest {

    private static final long USER = 7;
    private static final long CLIENT = 900;
    private static final Instant T = Instant.parse("2025-01-01T00:00:00Z");

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static MatterRecord matter(MatterCustomRate rate) {
        return new MatterRecord("f", 1, "00001", "d", MatterStatus.OPEN, CLIENT, "Client", null, null, true, null,
                null, null, rate, T, null, T);
    }

    private static UserRateRecord user(String defaultRate, Long... groups) {
        return new UserRateRecord(USER, "Dana", defaultRate == null ? null : usd(defaultRate), List.of(groups), T);
    }

    private static MatterCustomRate hourly(MatterRateEntry... lines) {
        return new MatterCustomRate(CustomRateType.HOURLY_RATE, List.of(lines));
    }

    private static MatterRateEntry line(Long user, Long group, String rate) {
        return new MatterRateEntry(user, group, usd(rate), null, null);
    }

    private static RateExplanation explain(MatterRecord matter, UserRateRecord user, List<ClientRateRecord> client,
            Long activityId, ActivityDescriptionRecord activity) {
        return RatePrecedence.explain(new RatePrecedence.Inputs(USER, matter, user, client, activityId, activity));
    }

    private static void assertApplied(RateExplanation e, RateLayer layer, String amount, RateUnit unit) {
        assertThat(e.known()).isTrue();
        assertThat(e.appliedLayer()).isEqualTo(layer);
        assertThat(e.rate().amount()).isEqualByComparingTo(amount);
        assertThat(e.rateUnit()).isEqualTo(unit);
        assertThat(e.layers()).extracting(RateExplanation.Layer::layer).containsExactly(RateLayer.values());
        assertThat(e.layers()).filteredOn(RateExplanation.Layer::applies).extracting(RateExplanation.Layer::layer)
                .containsExactly(layer);
    }

    @Test
    void userDefaultRateWhenNothingElseApplies() {
        RateExplanation e = explain(matter(null), user("250.00"), List.of(), null, null);
        assertApplied(e, RateLayer.USER_DEFAULT, "250.00", RateUnit.PER_HOUR);
        assertThat(e.layers().get(RateLayer.ENTRY_PRICE.ordinal()).value()).isNull();
    }

    @Test
    void activityCustomRateBeatsTheUserDefault() {
        ActivityDescriptionRecord activity = new ActivityDescriptionRecord(55, "Court", ActivityRateType.CUSTOM,
                usd("275.50"));
        RateExplanation e = explain(matter(null), user("250.00"), List.of(), 55L, activity);
        assertApplied(e, RateLayer.ACTIVITY_RATE, "275.50", RateUnit.PER_HOUR);
        assertThat(e.layers().get(RateLayer.USER_DEFAULT.ordinal()).value().amount()).isEqualByComparingTo("250");
    }

    @Test
    void clientRateBeatsTheActivityRate() {
        ActivityDescriptionRecord activity = new ActivityDescriptionRecord(55, "Court", ActivityRateType.CUSTOM,
                usd("275.50"));
        List<ClientRateRecord> client = List.of(new ClientRateRecord(1, CLIENT, null, null, usd("300.00"), false));
        RateExplanation e = explain(matter(null), user("250.00"), client, 55L, activity);
        assertApplied(e, RateLayer.CLIENT_RATE, "300.00", RateUnit.PER_HOUR);
        assertThat(e.layers().get(RateLayer.ACTIVITY_RATE.ordinal()).value().amount()).isEqualByComparingTo("275.5");
    }

    @Test
    void matterRateForTheUserBeatsTheClientRate() {
        List<ClientRateRecord> client = List.of(new ClientRateRecord(1, CLIENT, USER, null, usd("300.00"), false));
        RateExplanation e = explain(matter(hourly(line(USER, null, "350.00"), line(null, null, "100.00"))),
                user("250.00"), client, null, null);
        assertApplied(e, RateLayer.MATTER_RATE, "350.00", RateUnit.PER_HOUR);
        assertThat(e.layers().get(RateLayer.CLIENT_RATE.ordinal()).value().amount()).isEqualByComparingTo("300");
    }

    @Test
    void aUserInTwoGroupsWithDifferentMatterRatesGetsTheHighest() {
        MatterCustomRate rate = hourly(line(null, 41L, "320.00"), line(null, 42L, "410.00"), line(null, 43L, "999.00"),
                line(null, null, "150.00"));
        RateExplanation e = explain(matter(rate), user("250.00", 41L, 42L), List.of(), null, null);
        assertApplied(e, RateLayer.MATTER_RATE, "410.00", RateUnit.PER_HOUR);
        assertThat(e.layers().get(RateLayer.MATTER_RATE.ordinal()).source()).contains("group 42")
                .contains("highest of 2");
    }

    @Test
    void firmWideMatterRateAppliesWhenNoUserOrGroupLineMatches() {
        RateExplanation e = explain(matter(hourly(line(99L, null, "500.00"), line(null, null, "150.00"))),
                user("250.00"), List.of(), null, null);
        assertApplied(e, RateLayer.MATTER_RATE, "150.00", RateUnit.PER_HOUR);
    }

    @Test
    void flatRateMatterBeatsEverything() {
        MatterCustomRate flat = new MatterCustomRate(CustomRateType.FLAT_RATE,
                List.of(new MatterRateEntry(USER, null, usd("1500.00"), null, 55L)));
        List<ClientRateRecord> client = List.of(new ClientRateRecord(1, CLIENT, null, null, usd("300.00"), false));
        RateExplanation e = explain(matter(flat), user("250.00"), client, null, null);
        assertApplied(e, RateLayer.FLAT_RATE, "1500.00", RateUnit.FLAT);
    }

    @Test
    void flatRateActivityBeatsTheMatterRate() {
        ActivityDescriptionRecord activity = new ActivityDescriptionRecord(56, "Filing", ActivityRateType.FLAT_RATE,
                usd("80.00"));
        RateExplanation e = explain(matter(hourly(line(USER, null, "350.00"))), user("250.00"), List.of(), 56L,
                activity);
        assertApplied(e, RateLayer.FLAT_RATE, "80.00", RateUnit.FLAT);
    }

    @Test
    void entryPriceIsListedButNeverAppliesToAPreview() {
        RateExplanation e = explain(matter(null), user("250.00"), List.of(), null, null);
        RateExplanation.Layer entry = e.layers().get(0);
        assertThat(entry.layer()).isEqualTo(RateLayer.ENTRY_PRICE);
        assertThat(entry.applies()).isFalse();
        assertThat(entry.source()).contains("preview");
    }

    @Test
    void contingencyMattersHaveNoHourlyRate() {
        MatterCustomRate contingency = new MatterCustomRate(CustomRateType.CONTINGENCY_FEE,
                List.of(new MatterRateEntry(null, null, null, new BigDecimal("33.33"), null)));
        RateExplanation e = explain(matter(contingency), user("250.00"), List.of(), null, null);
        assertThat(e.known()).isTrue();
        assertThat(e.appliedLayer()).isEqualTo(RateLayer.MATTER_RATE);
        assertThat(e.rateUnit()).isEqualTo(RateUnit.CONTINGENCY);
        assertThat(e.rate()).isNull();
        assertThat(e.contingencyPercent()).isEqualByComparingTo("33.33");
    }

    @Test
    void unknownWhenTheUsersRateRecordIsNotSynced() {
        RateExplanation e = explain(matter(hourly(line(null, 41L, "320.00"))), null, List.of(), null, null);
        assertThat(e.known()).isFalse();
        assertThat(e.reason()).contains("user " + USER);
        assertThat(e.appliedLayer()).isNull();
        assertThat(e.rate()).isNull();
        assertThat(e.layers()).hasSize(6);
    }

    @Test
    void unknownWhenTheRequestedActivityIsNotSynced() {
        RateExplanation e = explain(matter(null), user("250.00"), List.of(), 77L, null);
        assertThat(e.known()).isFalse();
        assertThat(e.reason()).contains("activity description 77");
    }
}
