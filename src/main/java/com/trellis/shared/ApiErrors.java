package com.trellis.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of REST controllers into RFC 9457 problem details. Validation errors name
 * every bad field in an {@code errors} list.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = ex.getBindingResult().getFieldErrors().stream().map(error -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("field", error.getField());
			item.put("message", error.getDefaultMessage());
			return item;
		}).toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		var errors = ex.errors()
			.stream()
			.map(error -> (Map<String, Object>) new LinkedHashMap<String, Object>(
					Map.of("field", error.field(), "message", error.message())))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	private static ProblemDetail invalid(List<Map<String, Object>> errors) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid input: " + String.join(", ", errors.stream().map(e -> (String) e.get("field")).toList()));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
