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
 * 405, the {@code Allow} header; a 404 names the path no operation has); pages keep their
 * error pages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProtocolErrors {

	private final org.springframework.util.unit.DataSize maxFileSize;

	ApiProtocolErrors(
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:1MB}") org.springframework.util.unit.DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	/**
	 * An upload larger than {@code spring.servlet.multipart.max-file-size} is refused
	 * before any controller runs: 413 naming {@code file} and the limit, as a problem
	 * detail on the API and as the error page (with the layout) on pages.
	 */
	@ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
	ResponseEntity<Object> tooLarge(Exception ex, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		return fileRefused(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "File too large",
				"is larger than the upload limit of " + this.maxFileSize.toMegabytes() + " MB", request, response);
	}

	/**
	 * A multipart body that cannot be read (cut off before its closing boundary, a broken
	 * part header): 400 naming {@code file}, as a problem detail on the API and as the
	 * error page on pages (s55: it answered 500).
	 */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<Object> unreadableUpload(Exception ex, HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		return fileRefused(org.springframework.http.HttpStatus.BAD_REQUEST, "Bad Request", UNREADABLE_UPLOAD, request,
				response);
	}

	/**
	 * An upload refused naming {@code file}: the error page on pages, a problem on the
	 * API.
	 */
	private static ResponseEntity<Object> fileRefused(org.springframework.http.HttpStatus status, String title,
			String message, HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		var errors = java.util.List.of(new InvalidInputException.FieldError("file", message));
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			Utf8Guard.nameErrors(request, errors);
			response.sendError(status.value());
			return null;
		}
		var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(status, "Invalid input: file");
		problem.setTitle(title);
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).body(problem);
	}

	/** What a multipart body that cannot be read is told. */
	static final String UNREADABLE_UPLOAD = "the upload could not be read: the multipart body is cut off or malformed;"
			+ " send the file again";

	@ExceptionHandler({ HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, NoResourceFoundException.class })
	ResponseEntity<Object> refused(Exception ex, HttpServletRequest request) throws Exception {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex; // handed on unchanged: the page's own error handling answers
		}
		var error = (ErrorResponse) ex;
		var body = error.getBody();
		if (ex instanceof NoResourceFoundException) {
			// Spring's detail speaks of a static resource, which the API has none of
			body.setDetail("No API operation has the path " + request.getRequestURI());
		}
		return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(body);
	}

}
