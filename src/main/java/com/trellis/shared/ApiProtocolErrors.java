package com.trellis.shared;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that no operation takes (an unknown path, a method or
 * media type the path does not accept) are refused before any controller is chosen, so
 * {@link ApiErrors}, which serves the API's controllers, never sees them. They answer the
 * same RFC 9457 problem detail (404, 405, 406 or 415 with Spring's own detail and, for
 * 405, the {@code Allow} header); pages keep their error pages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProtocolErrors {

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class })
	ResponseEntity<Object> refused(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex; // handed on unchanged: the page's own error handling answers
		}
		var error = (ErrorResponse) ex;
		return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
	}

}
