package com.trellis.shared;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decimals (amounts, rates) are read only as written out: {@code 1e10} or {@code 1.5E3}
 * is refused naming the field, in JSON bodies (as a number or as text) and in page forms
 * ({@link GroupedAmounts}), instead of being read as ten billion.
 */
@Configuration(proxyBeanMethods = false)
public class PlainDecimals {

	/** What a decimal with an exponent is told. */
	public static final String EXPONENT_TEXT = "must be written out as a plain number such as 1234.56, without an exponent such as 1e10";

	/** What a form field for a decimal that cannot be read (1234,56) is told. */
	public static final String COMMA_TEXT = "must be a number such as 1234.56: use a point as the decimal separator";

	/** What a form field for a decimal that is not a number at all is told. */
	public static final String NUMBER_TEXT = "cannot be read as a number such as 1234.56";

	/**
	 * What a decimal typed into a form that could not be read is told: how to write it
	 * when it is a number written with an exponent or a decimal comma ("1234,56"). A
	 * reader whose locale marks decimals with a comma, whose forms read "75.000,50"
	 * ({@link GroupedAmounts}), is shown the example in that notation.
	 */
	public static String unreadable(String typed) {
		var text = typed == null ? "" : typed.strip();
		boolean exponent = text.matches("[-+]?[\\d.]+[eE][-+]?\\d+");
		if (java.text.DecimalFormatSymbols.getInstance(Reading.locale(java.util.Locale.ROOT))
			.getDecimalSeparator() == ',') {
			return exponent
					? "must be written out as a plain number such as " + FormFields.example()
							+ ", without an exponent such as 1e10"
					: "cannot be read as a number such as " + FormFields.example();
		}
		if (exponent) {
			return EXPONENT_TEXT;
		}
		if (text.matches("[-+]?[\\d.,\\s]*,[\\d.,\\s]*") && text.matches(".*\\d.*")) {
			return COMMA_TEXT;
		}
		return NUMBER_TEXT;
	}

	/** Whether a number's text has an exponent. */
	public static boolean hasExponent(String text) {
		return text != null && (text.indexOf('e') >= 0 || text.indexOf('E') >= 0);
	}

	/** Every BigDecimal read from JSON (the error names its path). */
	@Bean
	JacksonModule plainDecimalsModule() {
		return new SimpleModule("plain-decimals").addDeserializer(BigDecimal.class,
				new NumberDeserializers.BigDecimalDeserializer() {

					@Override
					public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
						var token = parser.currentToken();
						if ((token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT
								|| token == JsonToken.VALUE_STRING) && hasExponent(parser.getString())) {
							return (BigDecimal) context.handleWeirdStringValue(BigDecimal.class, parser.getString(),
									EXPONENT_TEXT);
						}
						return super.deserialize(parser, context);
					}

				});
	}

}
