package com.trellis.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The last resort for pages: a bad parameter that reached a page (a period ending before
 * it starts, an unknown quarter or week, a page number past any list) answers the 400
 * error page naming it, a write that lost a race the 409 page, never a 500. Forms that
 * show their errors beside the fields handle them before this.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	@ExceptionHandler(InvalidInputException.class)
	void invalidInput(InvalidInputException ex, HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler({ DataIntegrityViolationException.class, ConcurrencyFailureException.class })
	void refused(org.springframework.dao.DataAccessException ex, HttpServletResponse response) throws IOException {
		var refusal = DatabaseRefusal.of(ex);
		response.sendError(refusal.status().value(), refusal.reason());
	}

}
