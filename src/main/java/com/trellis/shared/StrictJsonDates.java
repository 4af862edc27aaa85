package com.trellis.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dates and times in JSON bodies are read only from their ISO text: a number ({@code 5},
 * which Jackson would read as a day in 1970), an array ({@code [2026,12,5]}) or a text
 * with more than the type holds ({@code "2026-12-02T10:00:00Z"} for a date) is refused
 * naming the field, with the form expected. One rule for every body.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonDates {

	/** How each refusal starts, so the error names the expected form as it is. */
	static final String WRITTEN_AS = "must be written as ";

	private static final Map<Class<?>, String> FORMS = Map.of(LocalDate.class, "a date such as 2026-12-31",
			LocalDateTime.class, "a date and time such as 2026-12-31T09:30:00", LocalTime.class,
			"a time such as 09:30:00", Instant.class, "a moment such as 2026-12-31T09:30:00Z", OffsetDateTime.class,
			"a moment such as 2026-12-31T09:30:00+01:00", ZonedDateTime.class, "a moment such as 2026-12-31T09:30:00Z",
			OffsetTime.class, "a time such as 09:30:00+01:00", YearMonth.class, "a month such as 2026-12");

	@Bean
	JsonMapperBuilderCustomizer strictDatesAndTimes() {
		return builder -> {
			for (var type : FORMS.keySet()) {
				builder.withConfigOverride(type, o -> o.setFormat(JsonFormat.Value.forLeniency(false)));
			}
			builder.addModule(new SimpleModule("strict-json-dates").setDeserializerModifier(new TextOnly()));
		};
	}

	static boolean refusal(String message) {
		return message != null && message.startsWith(WRITTEN_AS);
	}

	/** Wraps the deserializer of each date and time type. */
	private static final class TextOnly extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
				ValueDeserializer<?> deserializer) {
			var form = FORMS.get(bean.getBeanClass());
			return form == null ? deserializer : new IsoText(deserializer, bean.getBeanClass(), form);
		}

	}

	/** Reads a JSON string only, in the ISO form the type's own deserializer parses. */
	private static final class IsoText extends DelegatingDeserializer {

		private final Class<?> type;

		private final String form;

		IsoText(ValueDeserializer<?> delegate, Class<?> type, String form) {
			super(delegate);
			this.type = type;
			this.form = form;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new IsoText(delegate, this.type, this.form);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				if (parser.hasToken(JsonToken.START_ARRAY) || parser.hasToken(JsonToken.START_OBJECT)) {
					parser.skipChildren();
				}
				return context.reportInputMismatch(this.type, WRITTEN_AS + this.form);
			}
			var text = parser.getString();
			try {
				return super.deserialize(parser, context);
			}
			catch (MismatchedInputException ex) {
				// a day written right that the calendar has not is told so (s55)
				// (a date with a time where only a date goes is not written so: s56)
				var shape = this.type == LocalDate.class ? "\\d{4}-\\d{2}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2}([T ].*)?";
				var why = text != null && text.matches(shape) ? "' is written so, but names no day of the calendar)"
						: "' is not)";
				return context.reportInputMismatch(this.type, WRITTEN_AS + this.form + " ('" + Quoted.of(text) + why);
			}
		}

	}

}
