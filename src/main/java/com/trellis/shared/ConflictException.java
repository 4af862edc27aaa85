package com.trellis.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A change the record's current state refuses, typically because someone else changed it
 * meanwhile (a deal moved on from the stage the caller saw) or it was done already (a
 * registration approved twice). Answers 409 Conflict with a problem detail naming the
 * field, like a validation error; bad input stays 400 ({@link #afterInput}).
 */
public class ConflictException extends ErrorResponseException {

	private final String field;

	private final String reason;

	public ConflictException(String field, String reason) {
		this(HttpStatus.CONFLICT, field, reason);
	}

	/** A conflict answered with another status ({@link IfMatch}'s 412). */
	protected ConflictException(HttpStatus status, String field, String reason) {
		super(status, problem(status, field, reason), null);
		this.field = field;
		this.reason = reason;
	}

	/**
	 * Refuses a request the record's current state refuses ({@code conflict}, null when
	 * the state allows it) as a conflict (409), once its input passed its own checks
	 * ({@code inputChecks}, which change nothing). Input that breaks them is refused as
	 * bad input (400) whatever the state, naming its fields and, in the same round, the
	 * state's refusal.
	 */
	public static void afterInput(Runnable inputChecks, ConflictException conflict) {
		afterInput(() -> {
			inputChecks.run();
			return null;
		}, conflict);
	}

	/**
	 * As {@link #afterInput(Runnable, ConflictException)}, with what the input checks
	 * made of the input (a value read, say) handed back when the state allows it.
	 */
	public static <T> T afterInput(java.util.function.Supplier<T> inputChecks, ConflictException conflict) {
		T checked;
		try {
			checked = inputChecks.get();
		}
		catch (InvalidInputException ex) {
			if (conflict == null) {
				throw ex;
			}
			var errors = new java.util.ArrayList<>(ex.errors());
			if (errors.stream().noneMatch(e -> e.field().equals(conflict.field()))) {
				errors.add(new InvalidInputException.FieldError(conflict.field(), conflict.reason()));
			}
			throw new InvalidInputException(errors);
		}
		if (conflict != null) {
			throw conflict;
		}
		return checked;
	}

	/** The field the conflict is about. */
	public String field() {
		return this.field;
	}

	/** Why, in words for the person who sent it (without the field's name). */
	public String reason() {
		return this.reason;
	}

	/**
	 * The conflict as a page shows it: the field by its words ("Account"), never the Java
	 * name ({@code accountId}); the API's problem detail keeps the field name.
	 */
	public String readable() {
		var words = Labels.fieldWords(this.field);
		return words.isEmpty() ? this.reason : words + ": " + this.reason;
	}

	@Override
	public String getMessage() {
		return this.field + ": " + this.reason;
	}

	private static ProblemDetail problem(HttpStatus status, String field, String reason) {
		var problem = ProblemDetail.forStatusAndDetail(status, field + ": " + reason);
		problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : status.getReasonPhrase());
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", reason);
		problem.setProperty("errors", List.of(error));
		return problem;
	}

}
