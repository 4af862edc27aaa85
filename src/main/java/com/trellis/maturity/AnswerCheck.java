package com.trellis.maturity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trellis.shared.InvalidInputException.FieldError;

/**
 * Reads the answers as sent (a JSON object or form fields: question id to answer) against
 * a questionnaire, naming every bad one at once as {@code answers.<question id>}: an
 * unknown question, a question left unanswered, an answer that is not a whole number from
 * 0 to 4, a question answered more than once (a form field sent twice, or a list of
 * answers). Accepts whole numbers, and their digits as text (page forms send text).
 */
final class AnswerCheck {

	/** Unknown questions named one by one up to this many; the rest are counted. */
	static final int NAMED_UNKNOWN = 10;

	private static final int LONGEST_ID = 60;

	/** The answers read, and what was wrong with them (empty when all are good). */
	record Checked(Map<String, Integer> answers, List<FieldError> errors) {

		boolean ok() {
			return this.errors.isEmpty();
		}

	}

	private AnswerCheck() {
	}

	/**
	 * The answers read and checked; {@code fromJson} when they came as a JSON body, where
	 * an answer is a number, never text ({@code "3"}).
	 */
	static Checked check(Questionnaire questionnaire, Map<String, ?> sent, boolean fromJson) {
		var errors = new ArrayList<FieldError>();
		var answers = new LinkedHashMap<String, Integer>();
		if (sent == null) {
			errors.add(new FieldError("answers", "answer each of the " + questionnaire.questions().size()
					+ " questions with a whole number from 0 to " + Questionnaire.TOP));
			return new Checked(answers, errors);
		}
		int unknown = 0;
		for (var key : sent.keySet()) {
			if (questionnaire.question(key).isEmpty()) {
				if (++unknown <= NAMED_UNKNOWN) {
					errors.add(new FieldError("answers." + shortened(key),
							"no such question in the "
									+ questionnaire.subject().name().toLowerCase(java.util.Locale.ROOT)
									+ " questionnaire (version " + questionnaire.version() + ")"));
				}
			}
		}
		if (unknown > NAMED_UNKNOWN) {
			errors.add(new FieldError("answers", (unknown - NAMED_UNKNOWN) + " more unknown questions"));
		}
		for (var question : questionnaire.questions()) {
			var field = "answers." + question.id();
			var value = sent.get(question.id());
			if (value == null || (value instanceof String text && text.isBlank())) {
				errors.add(new FieldError(field,
						"missing: answer from 0 (" + Questionnaire.SCALE.get(0).toLowerCase(java.util.Locale.ROOT)
								+ ") to " + Questionnaire.TOP + " ("
								+ Questionnaire.SCALE.get(Questionnaire.TOP).toLowerCase(java.util.Locale.ROOT) + ")"));
				continue;
			}
			if (value instanceof Collection<?> several && several.size() > 1) {
				errors.add(new FieldError(field,
						"answered " + several.size() + " times; give one answer from 0 to " + Questionnaire.TOP));
				continue;
			}
			if (fromJson && value instanceof String) {
				errors.add(new FieldError(field,
						"must be a number, not in quotes: a whole number from 0 to " + Questionnaire.TOP));
				continue;
			}
			var answer = whole(value);
			if (answer == null || answer < 0 || answer > Questionnaire.TOP) {
				errors.add(new FieldError(field, "must be a whole number from 0 to " + Questionnaire.TOP));
				continue;
			}
			answers.put(question.id(), answer);
		}
		return new Checked(answers, List.copyOf(errors));
	}

	/** The value as a small whole number, or null when it is none. */
	private static Integer whole(Object value) {
		if (value instanceof Integer i) {
			return i;
		}
		if (value instanceof Long || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
			var n = new BigInteger(value.toString());
			return n.bitLength() < 31 ? n.intValue() : null;
		}
		if (value instanceof String text && text.strip().matches("-?[0-9]{1,6}")) {
			return Integer.valueOf(text.strip());
		}
		return null;
	}

	private static String shortened(String key) {
		var clean = key.replaceAll("[^A-Za-z0-9._-]", "?");
		return clean.length() <= LONGEST_ID ? clean : clean.substring(0, LONGEST_ID) + "…";
	}

}
