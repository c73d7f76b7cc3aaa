package com.caseclock.service.problem;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Makes an {@link ObjectMapper} read request bodies strictly, so a value the client did not mean is refused with a
 * 400 naming the field (see {@link JsonInputMapper}) instead of being silently changed or failing later in the
 * database:
 * <ul>
 * <li>no fractions for whole numbers ({@code 1.5} seconds is not truncated to 1), no numbers out of range;</li>
 * <li>no numbers or booleans given as strings ({@code "1800"}), no empty string for a number, boolean or date, no
 * {@code 1}/{@code 0} for a boolean, no number or boolean where text is expected;</li>
 * <li>no lenient dates (a number is not an epoch day);</li>
 * <li>no field given twice, nothing after the JSON value;</li>
 * <li>text never contains a NUL character or a lone UTF-16 surrogate (PostgreSQL cannot store the first and would
 * silently replace the second).</li>
 * </ul>
 * Services opt in with a Quarkus {@code ObjectMapperCustomizer} calling {@link #configure(ObjectMapper)}.
 */
public final class StrictJsonInput {

    private StrictJsonInput() {
    }

    /**
     * @param mapper the REST layer's mapper
     * @return the same mapper, configured
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.setDefaultLeniency(Boolean.FALSE);
        for (LogicalType type : new LogicalType[] { LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.DateTime }) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.DateTime ? CoercionAction.TryConvert
                            : CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("caseclock-strict-text").addDeserializer(String.class, new Text()));
        return mapper;
    }

    /** Strings: only JSON strings, without NUL characters or lone surrogates. */
    static final class Text extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String problem = problem(text);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, text, String.class);
            }
            return text;
        }

        static String problem(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0000') {
                    return "must not contain a NUL character (\\u0000)";
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return "must not contain a lone UTF-16 surrogate";
                }
                if (Character.isLowSurrogate(c)) {
                    return "must not contain a lone UTF-16 surrogate";
                }
            }
            return null;
        }
    }
}
