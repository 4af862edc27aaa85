package com.trellis.shared;

import java.util.Locale;

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
	 * A code in words: {@code PARTNER:TIER_1_INVEST} becomes "Partner: Tier 1 invest",
	 * {@code IN_PROGRESS} "In progress"; text that is not a code is returned as it is.
	 */
	static String words(String code) {
		if (!code.matches("[A-Z0-9_:]+")) {
			return code;
		}
		var parts = code.split(":");
		var out = new StringBuilder();
		for (var part : parts) {
			if (!out.isEmpty()) {
				out.append(": ");
			}
			var lower = part.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
			out.append(lower.isEmpty() ? "" : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
		}
		return out.toString();
	}

}
