package com.trellis.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of REST controllers into RFC 9457 problem details. Validation errors name
 * every bad field in an {@code errors} list. Consulted before {@link PageErrors}, which
 * also applies to REST controllers (they are controllers too).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(error -> error(error.getField(), error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var field = "body";
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				field = jackson.getPath()
					.stream()
					.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
							: String.valueOf(reference.getIndex()))
					.reduce((a, b) -> a + "." + b)
					.orElse("body");
				break;
			}
		}
		return ResponseEntity.badRequest()
			.body(invalid(List.of(error(field, "is missing, malformed or not one of the allowed values"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest()
			.body(invalid(List.of(error(ex.getName(), "cannot be read from '" + ex.getValue() + "'"))));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		var errors = ex.errors().stream().map(error -> error(error.field(), error.message())).toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	private static Map<String, Object> error(String field, String message) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("field", field);
		item.put("message", message);
		return item;
	}

	private static ProblemDetail invalid(List<Map<String, Object>> errors) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid input: " + String.join(", ", errors.stream().map(e -> (String) e.get("field")).toList()));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
