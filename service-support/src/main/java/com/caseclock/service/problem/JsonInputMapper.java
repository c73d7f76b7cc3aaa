package com.caseclock.service.problem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers a request body that is not valid JSON, has an unknown field (the API rejects them), or has a value of the
 * wrong type or format (a malformed date, a number where text is expected, a number out of range) with 400 naming the
 * field. Messages are plain words: they never carry Java class names, stack traces or the (possibly huge) input.
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    private static final int MAX_ECHO = 40;

    @Override
    public Response toResponse(JsonProcessingException exception) {
        String field = field(exception);
        String message = message(exception);
        if (field == null) {
            return ProblemResponses.of(new Problem("about:blank", "Bad request", 400,
                    "The request body is not valid: " + message, List.of()));
        }
        return ProblemResponses.of(new Problem("about:blank", "Bad request", 400, field + ": " + message,
                List.of(new Problem.FieldError(field, message))));
    }

    /** @return the offending field's path ({@code a.b[2].c}), or {@code null} when the body as a whole is wrong */
    static String field(JsonProcessingException exception) {
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (exception instanceof StreamReadException read && read.getProcessor() != null
                && (read instanceof InputCoercionException || isDuplicate(read))) {
            // Only where the parser's position names the culprit: a number out of range, a field given twice. For
            // malformed JSON the last field name read says where reading stopped, not which field is wrong.
            JsonParser parser = read.getProcessor();
            return path(parser.getParsingContext());
        }
        return null;
    }

    private static boolean isDuplicate(JsonProcessingException exception) {
        String original = exception.getOriginalMessage();
        return original != null && original.startsWith("Duplicate field");
    }

    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                if (c.getCurrentName() == null) {
                    continue;
                }
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? null : path;
    }

    static String message(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (exception instanceof InputCoercionException coercion) {
            Class<?> type = coercion.getTargetType();
            String max = type == Integer.class || type == int.class ? ", at most 2147483647"
                    : type == Long.class || type == long.class ? ", at most 9223372036854775807" : "";
            return "number out of range" + (type == null ? "" : " (must be " + expected(type) + max + ")");
        }
        if (exception instanceof InvalidFormatException format) {
            if (format.getTargetType() == String.class) {
                return format.getOriginalMessage();
            }
            return "'" + echo(format.getValue()) + "' is not " + expected(format.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String original = exception.getOriginalMessage();
            if (original != null && original.startsWith("Trailing token")) {
                return "unexpected content after the JSON value";
            }
            if (mismatch.getTargetType() == null
                    || (mismatch.getPath().isEmpty() && !isSimple(mismatch.getTargetType()))) {
                return "the body must be a JSON object";
            }
            return "must be " + expected(mismatch.getTargetType());
        }
        if (exception instanceof StreamReadException) {
            String original = exception.getOriginalMessage();
            if (original != null && original.startsWith("Duplicate field")) {
                return "given more than once";
            }
            return "malformed JSON (" + firstLine(original) + ")";
        }
        if (exception.getCause() instanceof JsonProcessingException cause && cause != exception) {
            // A parser problem (e.g. a number out of range) wrapped with the field's path by the data binder.
            return message(cause);
        }
        return "cannot be read";
    }

    private static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type) || type == String.class
                || type == Boolean.class || type.getName().startsWith("java.");
    }

    /** @return what a value of the type must be, in plain words */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "an instant (ISO-8601, e.g. 2025-03-14T09:30:00Z)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String echo(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "…";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse(text);
        for (String cut : new String[] { " (start marker", " at [Source", "[Source" }) {
            int at = line.indexOf(cut);
            if (at >= 0) {
                line = line.substring(0, at);
            }
        }
        line = line.replace('`', '\'').strip();
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
