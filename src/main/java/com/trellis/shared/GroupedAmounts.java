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
 * <p>
 * A reader whose locale marks decimals with a comma (de-DE, fr-FR, sv-SE, …) and types
 * one to three digits, a single comma or point and exactly three digits ("1,500", and
 * "1.500" where the locale does not group with a point) wrote something that reads as one
 * and a half in one convention and fifteen hundred in the other (the comma groups
 * thousands in English and in this program's own examples): it is refused as ambiguous
 * ({@link Ambiguous}), not guessed. A reader whose locale marks decimals with a point
 * keeps "1.500" as one and a half (the point is their decimal mark, and refusing it would
 * refuse every three-place decimal such as an exchange rate of 1.085); "1,500" is fifteen
 * hundred for them, as before.
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
				throw new IllegalArgumentException(ex.getMessage(), ex);
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
			var symbols = java.text.DecimalFormatSymbols.getInstance(Reading.locale(java.util.Locale.ROOT));
			var ambiguous = ambiguity(text.strip(), symbols);
			if (ambiguous != null) {
				throw new Ambiguous(ambiguous);
			}
			var plain = local(text.strip(), symbols);
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

		/**
		 * Why the text is ambiguous for the reader ({@link Reading}), in words, or null
		 * when it is not.
		 */
		static String ambiguity(String text) {
			return text == null ? null : ambiguity(text.strip(),
					java.text.DecimalFormatSymbols.getInstance(Reading.locale(java.util.Locale.ROOT)));
		}

		/**
		 * Why the text is ambiguous for a reader with these symbols, in words ("1,500 is
		 * ambiguous: write 1.500 for thousands or 1,5 for a decimal"), or null when it is
		 * not.
		 */
		static String ambiguity(String text, java.text.DecimalFormatSymbols symbols) {
			char decimal = symbols.getDecimalSeparator();
			if (decimal != ',') {
				return null;
			}
			var spaced = text.replace('\u00a0', ' ').replace('\u202f', ' ');
			var matcher = java.util.regex.Pattern.compile("([-+]?)([1-9]\\d{0,2})([.,])(\\d{3})").matcher(spaced);
			if (!matcher.matches()) {
				return null;
			}
			char mark = matcher.group(3).charAt(0);
			char group = symbols.getGroupingSeparator();
			if (mark == group) {
				// "1.500" for a reader who groups with a point: their own grouping
				return null;
			}
			var sign = matcher.group(1);
			var whole = matcher.group(2);
			var fraction = matcher.group(4).replaceFirst("0+$", "");
			var thousands = sign + whole + (Character.isSpaceChar(group) ? ' ' : group) + matcher.group(4);
			var decimalText = sign + whole + decimal + (fraction.isEmpty() ? "0" : fraction);
			return text + " is ambiguous: write " + thousands + " for thousands or " + decimalText + " for a decimal";
		}

		@Override
		public String getAsText() {
			return getValue() instanceof BigDecimal amount ? amount.toPlainString() : "";
		}

	}

	/**
	 * A number whose reading depends on the convention (see the class description); its
	 * message says how to write either reading.
	 */
	static final class Ambiguous extends NumberFormatException {

		Ambiguous(String message) {
			super(message);
		}

	}

}
