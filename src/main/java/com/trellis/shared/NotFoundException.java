package com.trellis.shared;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A record that does not exist or that the caller may not see. Both answer 404 in the
 * same words, so that guessing an id reveals nothing.
 */
public class NotFoundException extends ErrorResponseException {

	public NotFoundException(String what, Object id) {
		super(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " " + id + " not found"), null);
	}

}
