package com.trellis.shared;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Amounts typed into page forms as people write them: "75,000" and "1,250,000.50" read as
 * 75000 and 1250000.50 (commas only where they group thousands); a reader whose locale
 * writes "75.000,50" ({@link Reading}, e.g. de-DE) may type it so, and "75000,50".
 * Anything else that is not a number stays a field error naming the field; JSON bodies of
 * the API are not bound here and keep plain numbers.
 */
@ControllerAdvice
class GroupedAmounts {

	@InitBinder
	void amounts(WebDataBinder binder) {
		binder.registerCustomEditor(BigDecimal.class, new Editor());
	}

	/** Reads a decimal with optional thousands grouping; blank is no value. */
	static final class Editor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			try {
				setValue(read(text));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("not an amount: " + text, ex);
			}
		}

		/**
		 * The amount a reader typed, read in their locale ({@link Reading}); null when
		 * blank.
		 * @throws NumberFormatException when it is not a number
		 */
		static BigDecimal read(String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			if (PlainDecimals.hasExponent(text)) {
				throw new NumberFormatException("an exponent is not read: " + text);
			}
			var plain = local(text.strip(),
					java.text.DecimalFormatSymbols.getInstance(Reading.locale(java.util.Locale.ROOT)));
			if (plain.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
				plain = plain.replace(",", "");
			}
			return new BigDecimal(plain);
		}

		/**
		 * An amount in a locale that groups with "." or a space and marks decimals with
		 * ",".
		 */
		static String local(String text, java.text.DecimalFormatSymbols symbols) {
			char decimal = symbols.getDecimalSeparator();
			if (decimal == '.') {
				return text;
			}
			var group = java.util.regex.Pattern.quote(String.valueOf(symbols.getGroupingSeparator()));
			var mark = java.util.regex.Pattern.quote(String.valueOf(decimal));
			var spaced = text.replace('\u00a0', ' ').replace('\u202f', ' ');
			var groupOrSpace = symbols.getGroupingSeparator() == '.' ? group : "[ \u00a0\u202f]";
			if (spaced.matches("[-+]?\\d{1,3}(" + groupOrSpace + "\\d{3})+(" + mark + "\\d+)?")
					|| spaced.matches("[-+]?\\d+" + mark + "\\d+")) {
				return spaced.replaceAll(groupOrSpace, "").replace(decimal, '.');
			}
			return text;
		}

		@Override
		public String getAsText() {
			return getValue() instanceof BigDecimal amount ? amount.toPlainString() : "";
		}

	}

}
