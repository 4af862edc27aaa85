package com.trellis.shared;

import java.io.Serializable;
import java.util.List;

/**
 * Input that breaks a business rule the bean validation annotations cannot express (an
 * unknown owner, a partner that does not exist). Each error names its field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldError(field, message)));
	}

	/**
	 * A form field that takes one value, given {@code times} times: what
	 * {@code RepeatedParameters} tells the parameters a handler binds, for a field a
	 * handler reads from the whole form itself.
	 */
	public static InvalidInputException repeated(String field, int times) {
		return of(field, RepeatedParameters.MESSAGE.formatted(times));
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/**
	 * The errors as a page shows them: each field by its words ("Owner", "Slice value"),
	 * never the Java name ({@code ownerId}); the API keeps the field names.
	 */
	public String readable() {
		return this.errors.stream()
			.map(e -> Labels.fieldWords(e.field()) + ": " + e.message())
			.reduce((a, b) -> a + "; " + b)
			.orElse("");
	}

	public record FieldError(String field, String message) implements Serializable {
	}

}
