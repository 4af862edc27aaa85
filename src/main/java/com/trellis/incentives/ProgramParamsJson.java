package com.trellis.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.PlainDecimals;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A program's parameters read from a JSON body as every other amount is read
 * ({@link PlainDecimals}): a number with an exponent ({@code 1E3}) is kept as
 * {@link Exponent}, which {@link ProgramParamsRule} refuses naming its parameter
 * ({@code params.tiers[0].threshold}) together with every other bad field of the program
 * ({@link ProgramChecks}); a decimal is kept as written (a {@link BigDecimal},
 * {@code 1000.50} with its two decimals) rather than as a binary fraction. Whole numbers,
 * text, true/false and null are read as Jackson reads them.
 */
final class ProgramParamsJson extends ValueDeserializer<Map<String, Object>> {

	@Override
	@SuppressWarnings("unchecked")
	public Map<String, Object> deserialize(JsonParser parser, DeserializationContext context) {
		if (!parser.hasToken(JsonToken.START_OBJECT)) {
			return (Map<String, Object>) context.handleUnexpectedToken(Map.class, parser);
		}
		return object(parser, context);
	}

	private static Map<String, Object> object(JsonParser parser, DeserializationContext context) {
		var values = new LinkedHashMap<String, Object>();
		for (var token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
			var name = parser.currentName();
			parser.nextToken();
			try {
				values.put(name, value(parser, context));
			}
			catch (JacksonException ex) {
				throw ex.prependPath(values, name);
			}
		}
		return values;
	}

	private static Object value(JsonParser parser, DeserializationContext context) {
		return switch (parser.currentToken()) {
			case START_OBJECT -> object(parser, context);
			case START_ARRAY -> list(parser, context);
			case VALUE_NUMBER_FLOAT -> decimal(parser);
			case VALUE_NUMBER_INT -> parser.getNumberValue();
			case VALUE_STRING -> parser.getString();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> context.handleUnexpectedToken(Object.class, parser);
		};
	}

	private static List<Object> list(JsonParser parser, DeserializationContext context) {
		var values = new ArrayList<Object>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			try {
				values.add(value(parser, context));
			}
			catch (JacksonException ex) {
				throw ex.prependPath(values, values.size());
			}
		}
		return values;
	}

	private static Object decimal(JsonParser parser) {
		var text = parser.getString();
		return PlainDecimals.hasExponent(text) ? new Exponent(text) : parser.getDecimalValue();
	}

	/**
	 * A number sent with an exponent, as sent: never stored, as a program holding one is
	 * refused.
	 */
	record Exponent(@JsonValue String text) {

		@Override
		public String toString() {
			return this.text;
		}

	}

}
