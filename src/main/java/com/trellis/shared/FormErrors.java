package com.trellis.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.validation.BindingResult;

/**
 * The field errors of a page form as field name to message, for templates that show each
 * message next to its field. A value that could not even be converted (text in a number
 * field) says so; a value that broke a rule gets the rule's message, as the API does.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, String> of(BindingResult binding) {
		return binding.getFieldErrors()
			.stream()
			.collect(Collectors.toMap(e -> e.getField(),
					e -> e.isBindingFailure() ? unreadable(e) : e.getDefaultMessage(), (a, b) -> a + "; " + b,
					LinkedHashMap::new));
	}

	/**
	 * What a field that could not be read is told: an amount how to write it (without an
	 * exponent, with a point as decimal separator where a comma was typed), a day how to
	 * write it (yyyy-mm-dd), a choice, number or yes/no what it takes ("must be one of
	 * ADMIN, PAM, …"), anything else that it cannot be read.
	 */
	private static String unreadable(org.springframework.validation.FieldError error) {
		var codes = java.util.Arrays.asList(error.getCodes() == null ? new String[0] : error.getCodes());
		if (codes.contains(WholeNumberBounds.CODE)) {
			// a whole number beyond its type, told the bound of its field it breaks
			return error.getDefaultMessage();
		}
		if (codes.contains("typeMismatch.java.math.BigDecimal")) {
			return PlainDecimals.unreadable(text(error.getRejectedValue()));
		}
		if (codes.contains("typeMismatch.java.time.LocalDate")) {
			return ExactJsonTypes.day(error.getRejectedValue());
		}
		// a choice, a whole number, true or false: what the field takes (try51: a role
		// that is none was told only that it could not be read)
		var mismatch = error.contains(org.springframework.beans.TypeMismatchException.class)
				? error.unwrap(org.springframework.beans.TypeMismatchException.class) : null;
		if (mismatch == null) {
			return "cannot be read as a value of this field";
		}
		// digits too many for a field without bounds of its own: its type's range, as a
		// query parameter is told
		var outside = ParameterProblems.outsideRange(mismatch.getRequiredType(), text(error.getRejectedValue()));
		var expected = outside != null ? outside : ExactJsonTypes.parameter(mismatch.getRequiredType());
		return expected != null ? expected : "cannot be read as a value of this field";
	}

	public static Map<String, String> of(InvalidInputException ex) {
		return ex.errors()
			.stream()
			.collect(Collectors.toMap(InvalidInputException.FieldError::field,
					InvalidInputException.FieldError::message, (a, b) -> a + "; " + b, LinkedHashMap::new));
	}

	/**
	 * The errors of a form that broke the binding or its annotations, together with the
	 * ones the command's own checks find in what could be read, so that every bad field
	 * is named in one round; a field keeps the first message it got.
	 */
	public static Map<String, String> of(BindingResult binding, Runnable commandChecks) {
		var errors = of(binding);
		try {
			commandChecks.run();
		}
		catch (InvalidInputException ex) {
			of(ex).forEach(errors::putIfAbsent);
		}
		catch (ConflictException ex) {
			errors.putIfAbsent(ex.field(), ex.reason());
		}
		return errors;
	}

	/**
	 * What the user typed into the fields that could not be read (text in a number or
	 * date field), as field name to text, so that a form shown again keeps it; the bound
	 * command holds nothing for such a field.
	 */
	public static Map<String, String> typed(BindingResult binding) {
		var typed = new LinkedHashMap<String, String>();
		binding.getFieldErrors()
			.stream()
			.filter(e -> e.isBindingFailure() && e.getRejectedValue() != null)
			.forEach(e -> typed.putIfAbsent(e.getField(), text(e.getRejectedValue())));
		return typed;
	}

	private static String text(Object rejected) {
		return ParameterProblems.text(rejected);
	}

	/**
	 * Several checks that change nothing run as one: every one runs, and what they refuse
	 * is refused at once (a field keeps the first message it got). A form whose binding
	 * failed skips the command's annotations, so its checks name them first
	 * ({@code commands.check(command)}), then the service's own.
	 */
	public static Runnable checks(Runnable... each) {
		return () -> {
			var found = new LinkedHashMap<String, String>();
			for (var check : each) {
				try {
					check.run();
				}
				catch (InvalidInputException ex) {
					of(ex).forEach(found::putIfAbsent);
				}
				catch (ConflictException ex) {
					found.putIfAbsent(ex.field(), ex.reason());
				}
			}
			if (!found.isEmpty()) {
				throw new InvalidInputException(found.entrySet()
					.stream()
					.map(e -> new InvalidInputException.FieldError(e.getKey(), e.getValue()))
					.toList());
			}
		};
	}

	/** One line naming each field and its problem, for a flash message. */
	public static String summary(Map<String, String> errors) {
		return errors.entrySet()
			.stream()
			.map(e -> Labels.fieldWords(e.getKey()) + ": " + e.getValue())
			.collect(Collectors.joining("; "));
	}

}
