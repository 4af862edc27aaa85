package com.trellis.shared;

import java.util.Locale;
import java.util.StringJoiner;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words a reader sees for a code (an enum constant or a stored code such as
 * {@code JOINT_WORKING}): the message {@code code.<CODE>} of {@code messages.properties},
 * or, for a code without one, the code in words ("Joint working"), never the raw code.
 * Pages use it as {@code ${@labels.of(x)}}.
 */
@Component("labels")
public class Labels {

	private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern
		.compile("-?\\d{1,30}(\\.\\d{1,30})?");

	private final MessageSource messages;

	public Labels(MessageSource messages) {
		this.messages = messages;
	}

	/** The label of a code; null stays empty. */
	public String of(Object code) {
		if (code == null) {
			return "";
		}
		var text = code instanceof Enum<?> e ? e.name() : code.toString().strip();
		if (text.isEmpty()) {
			return "";
		}
		var key = "code." + text;
		var label = this.messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
		return label != null ? label : words(text);
	}

	/**
	 * The label of a code of one family, such as a registration's status: the message
	 * {@code <family>.<CODE>} ({@code registration.status.DEAL_WON}: "Ended: deal won"),
	 * the words its own pages show, else {@link #of(Object)}. A status shown outside its
	 * module (search) reads the same as on its pages, not the code in words ("Deal won").
	 */
	public String of(String family, Object code) {
		if (code == null) {
			return "";
		}
		var text = code instanceof Enum<?> e ? e.name() : code.toString().strip();
		var label = text.isEmpty() ? null
				: this.messages.getMessage(family + "." + text, null, null, LocaleContextHolder.getLocale());
		return label != null ? label : of(code);
	}

	/**
	 * Named values (a program's parameters) as the reader reads them: each name from the
	 * message {@code param.<name>} or in words ({@code coSellPercent}: "Co sell
	 * percent"), then its value, joined by " · "; never {@code {coSellPercent=3}}.
	 */
	public String params(java.util.Map<String, ?> values) {
		if (values == null || values.isEmpty()) {
			return "";
		}
		var out = new java.util.StringJoiner(" · ");
		values.forEach((name, value) -> {
			var label = this.messages.getMessage("param." + name, null, null, LocaleContextHolder.getLocale());
			out.add((label != null ? label : camelWords(name)) + ": " + valueText(value));
		});
		return out.toString();
	}

	/**
	 * A parameter's value: a list item by item, a map as its named parts, a number
	 * (stored as a number or, from a page's form, as plain text) as the reader writes it,
	 * codes as labels.
	 */
	private String valueText(Object value) {
		if (value instanceof Number || value instanceof String text && PLAIN_NUMBER.matcher(text).matches()) {
			return readerNumber(new java.math.BigDecimal(value.toString()));
		}
		if (value instanceof java.util.Collection<?> items) {
			var out = new java.util.StringJoiner("; ");
			items.forEach(item -> out.add(valueText(item)));
			return out.toString();
		}
		if (value instanceof java.util.Map<?, ?> parts) {
			var out = new java.util.StringJoiner(", ");
			parts.forEach((name, part) -> out
				.add(camelWords(String.valueOf(name)).toLowerCase(java.util.Locale.ROOT) + " " + valueText(part)));
			return out.toString();
		}
		return of(value);
	}

	/**
	 * A number in the reader's notation, grouped, with the decimals it has (a German
	 * reader's 1.500,25 and 1,500; an English one's 1,500.25 and 1.500).
	 */
	private static String readerNumber(java.math.BigDecimal number) {
		var format = java.text.NumberFormat.getNumberInstance(Reading.locale(Locale.ROOT));
		int decimals = Math.max(0, number.scale());
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(number);
	}

	/** A form field's label: the message {@code field.<name>}, or the name in words. */
	public String field(String name) {
		if (name == null) {
			return "";
		}
		var label = this.messages.getMessage("field." + name, null, null, LocaleContextHolder.getLocale());
		return label != null ? label : fieldWords(name);
	}

	/**
	 * A field of a list typed one entry per line (a program's tiers) in words with its
	 * line: {@code params.tiers[2].threshold} reads "Line 3, threshold",
	 * {@code params.tiers[0]} "Line 1"; a field of no list reads as {@link #field}.
	 */
	public String lineField(String name) {
		var matcher = name == null ? null
				: java.util.regex.Pattern.compile("\\[([0-9]+)\\](?:\\.(.+))?$").matcher(name);
		if (matcher == null || !matcher.find()) {
			return field(name);
		}
		var line = "Line " + (Long.parseLong(matcher.group(1)) + 1);
		return matcher.group(2) == null ? line
				: line + ", " + fieldWords(matcher.group(2)).toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * A field's Java name in words: {@code ownerId} reads "Owner", {@code sliceValue}
	 * "Slice value", {@code lines[2].amount} "Amount", {@code partnerTypes[1]} "Partner
	 * types": the last segment of the name, without an "Id" suffix; or the field's own
	 * label, the message {@code field.<segment>}, when it has one.
	 */
	public static String fieldWords(String name) {
		if (name == null || name.isBlank()) {
			return "";
		}
		var last = name.replaceAll("\\[[0-9]+\\]$", "").replaceAll(".*[.\\]]", "");
		if (last.isEmpty()) {
			last = name;
		}
		// a field with a label of its own (field.<name>) reads as the form labels it
		// (try12: an error summary read "Min deals180" beside "Deals (180 days)")
		if (FIELD_LABELS.containsKey("field." + last)) {
			return FIELD_LABELS.getString("field." + last);
		}
		if (last.length() > 2 && last.endsWith("Id")) {
			last = last.substring(0, last.length() - 2);
		}
		return camelWords(last);
	}

	/** The application's messages, for the fields' own labels ({@code field.<name>}). */
	private static final java.util.ResourceBundle FIELD_LABELS = java.util.ResourceBundle.getBundle("messages",
			Locale.ROOT);

	static String camelWords(String name) {
		var spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
		return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/** The field's abbreviations, kept in capitals inside a code read as words. */
	private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("MDF", "SPIFF", "PAM", "AE", "ICP",
			"ROI", "KPI", "CRM", "SLA", "ELT", "CSM", "SE", "API", "ISV", "MSP", "SI", "VAR");

	/**
	 * A code in words: {@code PARTNER:TIER_1_INVEST} becomes "Partner: Tier 1 invest",
	 * {@code IN_PROGRESS} "In progress"; text that is not a code is returned as it is.
	 */
	static String words(String code) {
		if (!code.matches("[A-Z][A-Z0-9_:]+") || code.length() < 4 && !code.matches(".*[_:].*")) {
			// not a code, or a short one read as it is (USD, SI)
			return code;
		}
		var parts = code.split(":");
		var out = new StringBuilder();
		for (var part : parts) {
			if (!out.isEmpty()) {
				out.append(": ");
			}
			var words = new StringJoiner(" ");
			for (var word : part.split("_")) {
				if (word.isEmpty()) {
					continue;
				}
				words.add(ABBREVIATIONS.contains(word) ? word : word.toLowerCase(Locale.ROOT));
			}
			var text = words.toString();
			out.append(text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1));
		}
		return out.toString();
	}

}
