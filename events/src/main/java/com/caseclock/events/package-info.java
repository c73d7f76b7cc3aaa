/**
 * The contract between CaseClock services: every Kafka event payload as a Java record, the topic catalogue
 * ({@link com.caseclock.events.Topic}), the event-type catalogue ({@link com.caseclock.events.EventType}), the shared
 * JSON mapper ({@link com.caseclock.events.EventJson}) and the schema-validating codec
 * ({@link com.caseclock.events.EventCodec}).
 *
 * <p>Conventions used by every type in this package:
 * <ul>
 *   <li>Money is {@link com.caseclock.events.Money} ({@link java.math.BigDecimal} amount + ISO-4217 currency, amount
 *       travels as a JSON string), never {@code double}.</li>
 *   <li>Durations are whole seconds ({@code long}).</li>
 *   <li>Work dates are {@link java.time.LocalDate} (ISO {@code yyyy-MM-dd}); instants are UTC
 *       {@link java.time.Instant} written as ISO-8601 with a {@code Z} suffix.</li>
 *   <li>Clio ids are positive {@code long}s; a boxed {@code Long} means the value may be {@code null}.</li>
 *   <li>Record constructors do not validate (except {@link com.caseclock.events.Money}); the JSON Schema of each
 *       event type is the single source of truth and {@link com.caseclock.events.EventCodec} enforces it on both
 *       encode and decode.</li>
 * </ul>
 * The human-readable catalogue is {@code docs/events.md}.
 */
package com.caseclock.events;
