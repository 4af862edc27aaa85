package com.trellis.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every value of a JSON body is read only from its own JSON type, in every API: a number
 * only from a JSON number ({@code {"toUserId": "5"}} is refused, not read as 5), a
 * true/false only from JSON {@code true}/{@code false} (not from {@code "true"} or
 * {@code 1}), a whole number never from a fraction, a choice (an enum) only from its name
 * in quotes (not from its position {@code 0}), and a list only from a JSON array. Text
 * only from text is {@link TextOnlyFromText}, dates {@link StrictJsonDates}, decimals
 * without exponents {@link PlainDecimals}.
 * <p>
 * Each refusal is a 400 whose error names the field's path ({@code milestones[2].dueDay})
 * and what it must be ({@link #expected}): "must be a number", "must be true or false",
 * "must be one of REGISTERED, QUALIFIED, …", "must be a list (a JSON array […]) of …".
 */
@Configuration(proxyBeanMethods = false)
class ExactJsonTypes {

	/** What a whole number (an id, a count) is told. */
	static final String WHOLE_NUMBER = "must be a number: a whole number such as 5, not in quotes";

	/** What a decimal number sent for a whole number is told. */
	static final String WHOLE_NUMBER_NOT_DECIMAL = "must be a number: a whole number such as 5, without decimals";

	/** What a decimal (an amount, a rate) is told. */
	static final String DECIMAL = "must be a number such as 1234.56, not in quotes";

	/** What a true/false field is told. */
	static final String TRUE_OR_FALSE = "must be true or false, not in quotes";

	/** What a text field given a list or an object is told. */
	static final String TEXT = "must be text (in quotes), not a list or an object";

	/** What an object field is told. */
	static final String OBJECT = "must be an object ({…})";

	@Bean
	JsonMapperBuilderCustomizer refuseCoercedScalars() {
		return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.withCoercionConfig(LogicalType.Integer,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Float,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Boolean,
					config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Collection,
					config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.POJO,
					config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

	/**
	 * What a whole number too large or too small for its field is told: the range of its
	 * Java type (an id is a long, a count an int), else null when the refusal is not one
	 * of range.
	 */
	static String outOfRange(JacksonException ex) {
		if (!(ex instanceof InputCoercionException coercion)) {
			return null;
		}
		var type = coercion.getTargetType();
		if (type == Long.class || type == long.class) {
			return "is out of range: a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
		}
		if (type == Integer.class || type == int.class) {
			return "is out of range: a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
		}
		if (type == Short.class || type == short.class) {
			return "is out of range: a whole number from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
		}
		return "is out of range for this field";
	}

	/**
	 * What the value at the error's path must be, from the type Jackson was reading; null
	 * for a type with no fixed JSON shape (then the caller's general message stands).
	 */
	static String expected(MismatchedInputException ex) {
		if (ex.getTargetType() == java.time.LocalDate.class && ex instanceof InvalidFormatException bad
				&& bad.getValue() instanceof String typed) {
			return day(typed);
		}
		var expected = expected(ex.getTargetType());
		if (expected != null && ex instanceof InvalidFormatException bad && bad.getValue() instanceof Number) {
			// 1.5 or 0 sent as a number: no quotes to blame
			return WHOLE_NUMBER.equals(expected) ? WHOLE_NUMBER_NOT_DECIMAL : expected.replace(", not in quotes", "");
		}
		return expected;
	}

	/**
	 * What a day that could not be read is told: one written yyyy-mm-dd that the calendar
	 * has not ({@code 2026-02-30}, {@code 2026-13-01}) that it names none, any other how
	 * to write one (s55: forms told a day written right how to write it).
	 */
	static String day(Object typed) {
		var text = typed == null ? "" : typed.toString();
		if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return "names no day of the calendar ('" + text + "' is written yyyy-mm-dd, but there is no such day)";
		}
		return parameter(java.time.LocalDate.class);
	}

	/**
	 * What a query or path parameter of the type must be (its text is always text, so
	 * nothing about quotes; a day as yyyy-mm-dd); null for a type with no fixed form.
	 */
	static String parameter(Class<?> type) {
		if (type == java.time.LocalDate.class) {
			return "must be a date written yyyy-mm-dd, such as 2026-12-31";
		}
		var expected = expected(type);
		if (expected == null || type.isArray() || Collection.class.isAssignableFrom(type) || expected.equals(OBJECT)) {
			return null;
		}
		return expected.replace(", not in quotes", "").replace(" (in quotes)", "");
	}

	static String expected(Class<?> type) {
		if (type == null) {
			return null;
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class
				|| type == Short.class || type == short.class || type == Byte.class || type == byte.class
				|| type == BigInteger.class) {
			return WHOLE_NUMBER;
		}
		if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
				|| type == float.class) {
			return DECIMAL;
		}
		if (type == Boolean.class || type == boolean.class) {
			return TRUE_OR_FALSE;
		}
		if (type == String.class) {
			return TEXT;
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.filter(constant -> !(constant instanceof BodyChoice choice) || choice.takenInBodies())
				.map(constant -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", ")) + " (in quotes)";
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			var item = type.isArray() ? expected(type.getComponentType()) : null;
			return "must be a list (a JSON array [ … ])" + (item == null ? "" : " whose items each " + item);
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord()) {
			return OBJECT;
		}
		return null;
	}

}
