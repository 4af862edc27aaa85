package com.trellis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that does not exist or that the caller may not see. Both answer 404 in the
 * same words, so that guessing an id reveals nothing.
 */
public class NotFoundException extends ErrorResponseException {

	/** "Cohort 999 not found": {@code what} starts the sentence, in capitals. */
	public NotFoundException(String what, Object id) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						(what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1)) + " " + id
								+ " not found"),
				null);
	}

}
