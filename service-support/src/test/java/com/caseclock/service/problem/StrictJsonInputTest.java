package com.caseclock.service.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Strict reading of request bodies, and the 400 answers that name the field without leaking Java internals. */
class StrictJsonInputTest {

    record Body(Long seconds, Integer minutes, Boolean flag, String note, LocalDate date, List<Item> items,
            Optional<String> maybe) {
    }

    record Item(Long version) {
    }

    private final ObjectMapper mapper = StrictJsonInput.configure(new ObjectMapper()
            .registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    @Test
    void goodInputStillReads() throws Exception {
        Body b = mapper.readValue("""
                {"seconds":1800,"minutes":6,"flag":true,"note":"Call 😀 \\u00e9","date":"2025-03-14",
                 "items":[{"version":3}],"maybe":null}""", Body.class);
        assertThat(b.seconds()).isEqualTo(1800);
        assertThat(b.note()).isEqualTo("Call 😀 é");
        assertThat(b.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(b.maybe()).isEmpty();
        assertThat(mapper.readValue("{}", Body.class).note()).isNull();
    }

    @Test
    void sloppyValuesAreRefusedNamingTheField() {
        assertRefused("{\"seconds\":1.5}", "seconds", "whole number");
        assertRefused("{\"seconds\":\"1800\"}", "seconds", "whole number");
        assertRefused("{\"seconds\":\"\"}", "seconds", null);
        assertRefused("{\"seconds\":9223372036854775808}", "seconds", "out of range");
        assertRefused("{\"minutes\":3000000000}", "minutes", "out of range");
        assertRefused("{\"seconds\":1e30}", "seconds", null);
        assertRefused("{\"flag\":1}", "flag", "true or false");
        assertRefused("{\"flag\":\"true\"}", "flag", null);
        assertRefused("{\"note\":123}", "note", "must be text");
        assertRefused("{\"note\":\"a\\u0000b\"}", "note", "NUL");
        assertRefused("{\"note\":\"a\\ud800\"}", "note", "surrogate");
        assertRefused("{\"maybe\":\"\\u0000\"}", "maybe", "NUL");
        assertRefused("{\"date\":20240101}", "date", null);
        assertRefused("{\"date\":\"\"}", "date", null);
        assertRefused("{\"date\":\"2024-02-30\"}", "date", "is not a date (yyyy-MM-dd)");
        assertRefused("{\"items\":[{\"version\":1.5}]}", "items[0].version", null);
        assertRefused("{\"seconds\":1,\"seconds\":2}", "seconds", "more than once");
        assertRefused("{\"colour\":\"red\"}", "colour", "unknown field");
    }

    @Test
    void bodiesThatAreNotOneObjectAreRefusedWithoutAField() {
        for (String body : new String[] { "[]", "\"x\"", "42", "{'a':1}", "{\"note\":\"x\"", "{\"note\":\"x\"} {}" }) {
            Problem p = refused(body);
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.detail()).as(body).doesNotContain("com.caseclock", "java.", "`", "Source");
        }
        assertThat(refused("{\"note\":\"x\"} {}").detail()).contains("after the JSON value");
        // malformed JSON: the last field read is not to blame
        for (String body : new String[] { "{\"note\":\"x\" \"flag\":true}", "{\"note\":\"x\",}", "{\"note\":x}" }) {
            Problem p = refused(body);
            assertThat(p.errors()).as(body).isEmpty();
            assertThat(p.detail()).as(body).contains("malformed JSON").doesNotContain("note");
        }
    }

    @Test
    void unexpectedErrorsHideTheirDetailsAndDataExceptionsAre400() {
        UnexpectedErrorMapper mapper = new UnexpectedErrorMapper();
        Response r = mapper.toResponse(new IllegalStateException("select * from secret",
                new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));
        Problem p = (Problem) r.getEntity();
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.detail()).doesNotContain("secret", "UTF8", "IllegalState");
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);

        p = (Problem) mapper.toResponse(new ClassCastException("class X cannot be cast")).getEntity();
        assertThat(p.status()).isEqualTo(500);
        assertThat(p.detail()).startsWith("The server could not handle the request. Error id ")
                .doesNotContain("cast");
        p = (Problem) mapper.toResponse(new RuntimeException(new SQLException("deadlock", "40P01"))).getEntity();
        assertThat(p.status()).isEqualTo(500);
    }

    private void assertRefused(String body, String field, String messagePart) {
        Problem p = refused(body);
        assertThat(p.status()).as(body).isEqualTo(400);
        assertThat(p.errors()).as(body).hasSize(1);
        assertThat(p.errors().get(0).field()).as(body).isEqualTo(field);
        if (messagePart != null) {
            assertThat(p.errors().get(0).message()).as(body).contains(messagePart);
        }
        assertThat(p.detail()).as(body).doesNotContain("com.caseclock", "java.", "`");
    }

    private Problem refused(String body) {
        JsonProcessingException[] caught = new JsonProcessingException[1];
        assertThatThrownBy(() -> {
            try {
                mapper.readValue(body, Body.class);
            } catch (JsonProcessingException e) {
                caught[0] = e;
                throw e;
            }
        }).as(body).isInstanceOf(JsonProcessingException.class);
        return (Problem) new JsonInputMapper().toResponse(caught[0]).getEntity();
    }
}
