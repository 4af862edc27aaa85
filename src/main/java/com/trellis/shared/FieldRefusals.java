package com.trellis.shared;

import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What a field of a JSON body that Jackson refused is called and told, for
 * {@link UnreadableFields} (every such field of a body named at once) and the API's error
 * answer ({@link ApiErrors}): the field's path ({@code milestones[2].dueDay}, "body" for
 * the body as a whole) and a message in words ("must be a number such as 1234.56, not in
 * quotes", "is not a property of this request", "is out of range: a whole number from …
 * to …").
 */
final class FieldRefusals {

	/** What a property the request's type does not have is told. */
	static final String UNKNOWN = "is not a property of this request";

	/** What a property given more than once in one object is told. */
	static final String REPEATED = "is given more than once";

	private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern
		.compile("Duplicate Object property \"([^\"]*)\"");

	/** What a value that fits no other message is told. */
	static final String UNREADABLE = "is missing, malformed or not one of the allowed values";

	private FieldRefusals() {
	}

	/**
	 * Whether the refusal is about one field's value or name, so that the rest of the
	 * body can be read without it: a value of the wrong JSON type or form, a required
	 * field left out, a property the type does not have, or a number out of its field's
	 * range. A body that is not JSON is refused as a whole; a property given twice is
	 * taken out by {@link UnreadableBody} itself ({@link #repeated}).
	 */
	static boolean ofOneField(JacksonException ex) {
		return (ex instanceof MismatchedInputException || ex instanceof InputCoercionException)
				&& !ex.getPath().isEmpty();
	}

	/**
	 * The name of the property a body gives more than once, when that is what the parser
	 * refused; else null.
	 */
	static String repeated(Throwable ex) {
		var message = ex.getMessage();
		if (!(ex instanceof JacksonException) || message == null) {
			return null;
		}
		var duplicate = DUPLICATE.matcher(message);
		return duplicate.find() ? duplicate.group(1) : null;
	}

	/** The path of the field refused, a property the type does not have included. */
	static String field(JacksonException ex) {
		var at = path(ex.getPath());
		if (ex instanceof PropertyBindingException unknown && unknown.getPropertyName() != null) {
			var name = unknown.getPropertyName();
			return at.endsWith(name) ? at : at.equals("body") ? name : at + "." + name;
		}
		return at;
	}

	static String path(List<JacksonException.Reference> references) {
		var path = new StringBuilder();
		for (var reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * An item of a list body named as its rules name it, after the body's parameter
	 * ({@code stages[1].normDays}, not {@code [1].normDays}; try69).
	 */
	static String inBody(String field, WebRequest request) {
		if (!field.startsWith("[") || !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				WebRequest.SCOPE_REQUEST) instanceof HandlerMethod handler)) {
			return field;
		}
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return inBody(field, parameter);
			}
		}
		return field;
	}

	/** The list body's items' fields named after its parameter, as {@link #inBody}. */
	static List<InvalidInputException.FieldError> named(List<InvalidInputException.FieldError> errors,
			MethodParameter body) {
		return errors.stream()
			.map(error -> new InvalidInputException.FieldError(inBody(error.field(), body), error.message()))
			.toList();
	}

	private static String inBody(String field, MethodParameter body) {
		if (!field.startsWith("[")) {
			return field;
		}
		body.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
		var name = body.getParameterName();
		return name == null ? field : name + field;
	}

	/**
	 * The message of a refusal Trellis's own JSON readers raise on purpose (a NUL in
	 * text, a number for text, a decimal with an exponent, a date not in ISO text, a
	 * whole number out of its field's range), else null; the API's and the binder's error
	 * answers both use it.
	 */
	static String deliberateRefusal(JacksonException ex, WholeNumberBounds bounds) {
		var original = ex.getOriginalMessage();
		if (original != null && original.contains(TextGuard.NUL_TEXT)) {
			return TextGuard.NUL_TEXT;
		}
		if (TextOnlyFromText.notText(ex)) {
			return TextOnlyFromText.TEXT_EXPECTED;
		}
		if (original != null && original.contains(PlainDecimals.EXPONENT_TEXT)) {
			return PlainDecimals.EXPONENT_TEXT;
		}
		if (StrictJsonDates.refusal(original)) {
			return original;
		}
		var bound = bounds == null ? null : bounds.of(ex);
		return bound != null ? bound : ExactJsonTypes.outOfRange(ex);
	}

	/**
	 * What a field refused for its name or value is told; a whole number beyond its type
	 * the bound of its field that it breaks, when {@code bounds} are given and it has
	 * one.
	 */
	static String message(JacksonException ex, WholeNumberBounds bounds) {
		if (ex instanceof PropertyBindingException) {
			return UNKNOWN;
		}
		var deliberate = deliberateRefusal(ex, bounds);
		if (deliberate != null) {
			return deliberate;
		}
		if (RequiredFields.missing(ex)) {
			return RequiredFields.REQUIRED;
		}
		if (ex instanceof MismatchedInputException mismatch) {
			var expected = ExactJsonTypes.expected(mismatch);
			if (expected != null) {
				return expected;
			}
		}
		if (ex instanceof InvalidFormatException format && format.getValue() != null) {
			return "cannot be read from '" + format.getValue() + "'";
		}
		return UNREADABLE;
	}

}
