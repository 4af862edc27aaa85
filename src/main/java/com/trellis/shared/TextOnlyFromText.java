package com.trellis.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text field of a JSON body takes JSON text only: {@code {"reason": 5}},
 * {@code {"title": true}} or {@code {"buyer": 1.5}} is refused (400 naming the field, by
 * {@link UnreadableFields} or {@link ApiErrors}), not read as the text "5", "true" or
 * "1.5" behind the sender's back. Applies to every {@code String} read from JSON (record
 * components, list items, map values), in every API, and to whatever else the
 * application's mapper reads; numbers and booleans into their own types are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class TextOnlyFromText {

	static final String TEXT_EXPECTED = "must be text (in quotes), not a number or true/false";

	/** Whether Jackson refused a number or a boolean where text belongs. */
	static boolean notText(JacksonException ex) {
		return ex instanceof InvalidFormatException format && format.getTargetType() == String.class
				&& !(format.getValue() instanceof String);
	}

	@Bean
	JsonMapperBuilderCustomizer refuseNumbersAndBooleansAsText() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual,
				config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
