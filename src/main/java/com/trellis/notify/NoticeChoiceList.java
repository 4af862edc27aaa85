package com.trellis.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import com.trellis.shared.InvalidInputException;

/**
 * The checks of a replacement of someone's notice choices (staff or partner user), all
 * named at once as one 400: the list of kinds is required ({@code []} turns every channel
 * off; a missing list is not read as that), each entry and its kind are required, a kind
 * is listed once, and a Slack URL, when given, is a Slack incoming webhook. Fields are
 * named as the body names them: {@code kinds}, {@code kinds[2]}, {@code kinds[2].kind},
 * {@code slackWebhookUrl}.
 */
final class NoticeChoiceList {

	private NoticeChoiceList() {
	}

	static <C> void check(List<C> kinds, Function<C, ? extends Enum<?>> kindOf, String slackWebhookUrl) {
		var errors = new ArrayList<InvalidInputException.FieldError>();
		if (kinds == null) {
			errors.add(new InvalidInputException.FieldError("kinds",
					"is required: list each kind with its email and slack choices ([] turns every channel off)"));
		}
		else {
			var first = new HashMap<Enum<?>, Integer>();
			for (int i = 0; i < kinds.size(); i++) {
				var entry = kinds.get(i);
				var kind = entry == null ? null : kindOf.apply(entry);
				if (entry == null) {
					errors.add(new InvalidInputException.FieldError("kinds[" + i + "]",
							"is required: a kind with its email and slack choices"));
				}
				else if (kind == null) {
					errors.add(new InvalidInputException.FieldError("kinds[" + i + "].kind", "is required"));
				}
				else if (first.putIfAbsent(kind, i) != null) {
					errors.add(new InvalidInputException.FieldError("kinds[" + i + "].kind", kind.name()
							+ " is listed twice (also at kinds[" + first.get(kind) + "]): list each kind once"));
				}
			}
		}
		if (slackWebhookUrl != null && !slackWebhookUrl.isBlank()) {
			var decision = SlackWebhookRule.check(slackWebhookUrl);
			if (!decision.allowed()) {
				errors.add(new InvalidInputException.FieldError("slackWebhookUrl", decision.reason()));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
