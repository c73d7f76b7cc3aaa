package com.caseclock.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecValidationTest {

    private static final EventType APPROVED = EventType.TIME_ENTRY_APPROVED;

    private final EventCodec codec = EventCodec.shared();
    private final ObjectMapper mapper = EventJson.mapper();

    private ObjectNode approvedExample() throws Exception {
        return (ObjectNode) mapper.readTree(Examples.validExample(APPROVED));
    }

    private InvalidEventException rejection(String json, EventType type) {
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.decode(json, type));
        assertThat(e).as("expected decode to be rejected").isNotNull();
        assertThat(e.violations()).isNotEmpty();
        return e;
    }

    @Test
    void unknownExtraPropertiesAreIgnored() throws Exception {
        ObjectNode json = approvedExample();
        json.put("addedInAFutureMinorRelease", "ignored");
        ((ObjectNode) json.get("entry")).putObject("billingHints").put("foo", 1);
        ((ObjectNode) json.get("entry").get("expectedRate")).put("display", "$425.00");

        TimeEntryApprovedV1 decoded = codec.decode(mapper.writeValueAsString(json), TimeEntryApprovedV1.class);

        assertThat(decoded).isEqualTo(codec.decode(Examples.validExample(APPROVED), TimeEntryApprovedV1.class));
    }

    @Test
    void omittedNullableFieldsDecodeAsNull() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).remove("rateOverride");
        ((ObjectNode) json.get("entry")).remove("activityDescriptionClioId");

        TimeEntryApprovedV1 decoded = codec.decode(mapper.writeValueAsString(json), TimeEntryApprovedV1.class);

        assertThat(decoded.entry().rateOverride()).isNull();
        assertThat(decoded.entry().activityDescriptionClioId()).isNull();
    }

    @Test
    void missingRequiredFieldIsRejectedNamingTheField() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).remove("matterClioId");

        InvalidEventException e = rejection(mapper.writeValueAsString(json), APPROVED);

        assertThat(e.violations()).anySatisfy(v -> assertThat(v).startsWith("$.entry").contains("matterClioId"));
        assertThat(e).hasMessageContaining("matterClioId");
    }

    @Test
    void wrongTypeIsRejectedNamingTheField() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("nonBillable", "no");

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.entry.nonBillable:"));
    }

    @ParameterizedTest
    @CsvSource({"-5400", "0", "86401"})
    void durationOutOfRangeIsRejected(long seconds) throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("durationSeconds", seconds);

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.entry.durationSeconds:"));
    }

    @Test
    void fullDayDurationIsAccepted() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("durationSeconds", 86_400);

        assertThat(codec.decode(mapper.writeValueAsString(json), TimeEntryApprovedV1.class).entry().durationSeconds())
                .isEqualTo(86_400L);
    }

    @Test
    void noteOverTenThousandCharactersIsRejected() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("note", "x".repeat(10_001));

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.entry.note:"));
    }

    @Test
    void noteOfExactlyTenThousandCharactersIsAccepted() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("note", "ü".repeat(10_000));

        assertThat(codec.decode(mapper.writeValueAsString(json), TimeEntryApprovedV1.class).entry().note()).hasSize(10_000);
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> codec.decode(Examples.invalidExample(APPROVED.ceType() + ".malformed.json"), APPROVED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> codec.decode("", APPROVED)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> codec.decode(null, APPROVED)).isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON: ");
        assertThatThrownBy(() -> codec.decode(Examples.validExample(APPROVED) + " {}", APPROVED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not valid JSON: ");
    }

    @Test
    void nonObjectPayloadIsRejected() {
        assertThat(rejection("[1,2,3]", APPROVED).violations()).anySatisfy(v -> assertThat(v).startsWith("$:"));
        assertThat(rejection("null", APPROVED).violations()).anySatisfy(v -> assertThat(v).startsWith("$:"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            com.caseclock.timeentry.approved.v1.negative-duration.json     | $.entry.durationSeconds
            com.caseclock.timeentry.approved.v1.missing-firm-id.json       | firmId
            com.caseclock.timeentry.approved.v1.schema-version-2.json      | $.schemaVersion
            com.caseclock.timeentry.approved.v1.duration-as-string.json    | $.entry.durationSeconds
            com.caseclock.timeentry.approved.v1.bad-work-date.json         | $.entry.workDate
            com.caseclock.timeentry.approved.v1.money-as-number.json       | $.entry.expectedRate.amount
            com.caseclock.connector.time-entry.sync-result.v1.failed-without-failure.json | $.failure
            com.caseclock.clio.matter.changed.v1.bad-event-id.json         | $.eventId
            """)
    void invalidExamplesAreRejectedNamingTheField(String file, String field) {
        String ceType = file.substring(0, file.indexOf(".v1.") + 3);
        InvalidEventException e = catchThrowableOfType(InvalidEventException.class,
                () -> codec.decode(Examples.invalidExample(file), ceType));

        assertThat(e).as(file).isNotNull();
        assertThat(e.violations()).anySatisfy(v -> assertThat(v).contains(field));
    }

    @ParameterizedTest
    @CsvSource({"eventId,not-a-uuid", "eventId,0b6e3f9a8c2d4e1fa7b56d9c0e2f4a10", "occurredAt,2025-03-14 15:09:26Z",
            "occurredAt,2025-03-14T15:09:26+02:00", "occurredAt,2025-03-14", "firmId,-leading-hyphen", "firmId,has space",
            "firmId,''"})
    void badEnvelopeValuesAreRejected(String field, String value) throws Exception {
        ObjectNode json = approvedExample();
        json.put(field, value);

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$." + field + ":"));
    }

    @Test
    void badUuidAndDateInsidePayloadAreRejected() throws Exception {
        ObjectNode json = approvedExample();
        ((ObjectNode) json.get("entry")).put("timeEntryId", "1234");
        ((ObjectNode) json.get("entry")).put("workDate", "13/03/2025");

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.entry.timeEntryId:"))
                .anySatisfy(v -> assertThat(v).startsWith("$.entry.workDate:"));
    }

    @Test
    void schemaVersionTwoIsRejected() throws Exception {
        ObjectNode json = approvedExample();
        json.put("schemaVersion", 2);

        assertThat(rejection(mapper.writeValueAsString(json), APPROVED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.schemaVersion:"));
    }

    @Test
    void unknownEnumValueIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(Examples.validExample(EventType.MATTER_CHANGED));
        ((ObjectNode) json.get("matter")).put("status", "ARCHIVED");

        assertThat(rejection(mapper.writeValueAsString(json), EventType.MATTER_CHANGED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.matter.status:"));
    }

    @Test
    void rateLineForBothUserAndGroupIsRejected() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(Examples.validExample(EventType.MATTER_CHANGED));
        ((ObjectNode) json.get("matter").get("customRate").get("rates").get(0)).put("groupClioId", 9051);

        assertThat(rejection(mapper.writeValueAsString(json), EventType.MATTER_CHANGED).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.matter.customRate.rates[0]"));
    }

    @Test
    void syncResultFailureIsPresentIfAndOnlyIfFailed() throws Exception {
        EventType type = EventType.TIME_ENTRY_SYNC_RESULT;
        ObjectNode synced = (ObjectNode) mapper.readTree(Examples.validExample(type));
        ObjectNode failure = synced.putObject("failure");
        failure.put("reason", "MATTER_CLOSED").put("message", "The matter is closed in Clio.").put("retryable", false)
                .put("clioStatus", 422).put("attempts", 1);
        assertThat(rejection(mapper.writeValueAsString(synced), type).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.failure:"));

        synced.put("outcome", "FAILED");
        TimeEntrySyncResultV1 failed = codec.decode(mapper.writeValueAsString(synced), TimeEntrySyncResultV1.class);
        assertThat(failed.failure()).isEqualTo(new SyncFailure(FailureReason.MATTER_CLOSED, "The matter is closed in Clio.",
                false, 422, 1));
    }

    @Test
    void flatOrCustomActivityRateNeedsARate() throws Exception {
        EventType type = EventType.ACTIVITY_DESCRIPTION_RATE_CHANGED;
        ObjectNode json = (ObjectNode) mapper.readTree(Examples.validExample(type));
        json.putNull("rate");
        assertThat(rejection(mapper.writeValueAsString(json), type).violations())
                .anySatisfy(v -> assertThat(v).startsWith("$.rate:"));

        json.put("rateType", "USER");
        assertThat(codec.decode(mapper.writeValueAsString(json), ActivityDescriptionRateChangedV1.class).rate()).isNull();
    }

    @Test
    void unknownCeTypeIsRejected() {
        String json = Examples.validExample(APPROVED);
        assertThatThrownBy(() -> codec.decode(json, "com.caseclock.timeentry.approved.v9"))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("com.caseclock.timeentry.approved.v9");
        assertThatThrownBy(() -> codec.decode(json, "com.caseclock.clio.matter.deleted.v1"))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> codec.decode(json, (String) null)).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void payloadOfAnotherTypeIsRejected() {
        assertThatThrownBy(() -> codec.decode(Examples.validExample(APPROVED), EventType.MATTER_CHANGED))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("matter");
    }

    @Test
    void encodeRejectsAnEventThatBreaksItsOwnSchema() {
        ApprovedTimeEntry entry = new ApprovedTimeEntry(UUID.randomUUID(), "u-1", LocalDate.of(2025, 3, 13), "Europe/Dublin",
                0, "zero seconds", 1084211, null, false, null, null, "u-1", 1);
        TimeEntryApprovedV1 event = TimeEntryApprovedV1.of("obrien-mueller", Instant.parse("2025-03-13T10:00:00Z"), entry);

        InvalidEventException e = catchThrowableOfType(InvalidEventException.class, () -> codec.encode(event));

        assertThat(e).isNotNull();
        assertThat(e.violations()).anySatisfy(v -> assertThat(v).startsWith("$.entry.durationSeconds:"));
    }

    @Test
    void encodeRejectsMissingNonNullableField() {
        TimeEntryVoidedV1 event = new TimeEntryVoidedV1(UUID.randomUUID(), "obrien-mueller", Instant.parse("2025-03-13T10:00:00Z"),
                1, UUID.randomUUID(), "u-1", 2, null, null);

        assertThatThrownBy(() -> codec.encode(event)).isInstanceOf(InvalidEventException.class).hasMessageContaining("voidedBy");
    }

    @Test
    void encodeWritesNullsExplicitlyAndInstantsAsUtcText() throws Exception {
        TimeEntryVoidedV1 event = new TimeEntryVoidedV1(UUID.fromString("9d1e2c3b-4a5f-4678-9abc-def012345603"), "obrien-mueller",
                Instant.parse("2025-03-14T09:30:00.5Z"), TimeEntryVoidedV1.SCHEMA_VERSION,
                UUID.fromString("0b6e3f9a-8c2d-4e1f-a7b5-6d9c0e2f4a10"), "u-1", 2, null, "u-1");

        var tree = mapper.readTree(codec.encode(event));

        assertThat(tree.has("reason")).isTrue();
        assertThat(tree.get("reason").isNull()).isTrue();
        assertThat(tree.get("occurredAt").asText()).isEqualTo("2025-03-14T09:30:00.500Z");
        assertThat(tree.get("eventId").asText()).isEqualTo("9d1e2c3b-4a5f-4678-9abc-def012345603");
    }

    @Test
    void decodeWithUnknownClassIsAProgrammingError() {
        assertThatThrownBy(() -> codec.decode("{}", NotCatalogued.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void freshCodecInstancesWorkToo() {
        EventCodec own = new EventCodec();
        assertThatCode(() -> own.decode(Examples.validExample(APPROVED), APPROVED)).doesNotThrowAnyException();
    }

    /** A DomainEvent implementation that is not in the catalogue. */
    abstract static class NotCatalogued implements DomainEvent {
    }
}
