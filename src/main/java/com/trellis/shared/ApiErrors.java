package com.trellis.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.UnsatisfiedServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of REST controllers into RFC 9457 problem details. Validation errors name
 * every bad field in an {@code errors} list; a write that lost a race against another
 * answers 409; anything else is a server error that is logged and answered without its
 * details. Consulted before {@link PageErrors}, which also applies to REST controllers
 * (they are controllers too).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	private final ObjectProvider<ConversionService> conversions;

	private final ObjectProvider<ApiProtocolErrors> uploads;

	private final WholeNumberBounds bounds;

	/** Reads query parameters as Spring MVC does (its {@code mvcConversionService}). */
	ApiErrors(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions,
			ObjectProvider<ApiProtocolErrors> uploads, WholeNumberBounds bounds) {
		this.conversions = conversions;
		this.uploads = uploads;
		this.bounds = bounds;
	}

	/**
	 * An upload above the limit, found once the operation is known (uploads are read
	 * after the role checks): answered as {@link ApiProtocolErrors} answers it before.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
			org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		var servlet = (org.springframework.web.context.request.ServletWebRequest) request;
		try {
			return this.uploads.getObject().tooLarge(ex, servlet.getRequest(), servlet.getResponse());
		}
		catch (java.io.IOException failed) {
			throw new java.io.UncheckedIOException(failed);
		}
	}

	/**
	 * A multipart body that cannot be read: {@link ApiProtocolErrors#unreadableUpload}.
	 */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<Object> unreadableUpload(org.springframework.web.multipart.MultipartException ex,
			jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		return this.uploads.getObject().unreadableUpload(ex, request, response);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a field that could not be read (UnreadableFields) is named for that alone
		var errors = BodyChecks.errors(ex.getBindingResult())
			.stream()
			.map(error -> error(error.field(), error.message()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/**
	 * Validation of a method parameter as a whole, such as a list body whose elements are
	 * validated: each error names the element and its field
	 * ({@code milestones[2].dueDay}).
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var errors = new ArrayList<Map<String, Object>>();
		for (var result : ex.getParameterValidationResults()) {
			var name = result.getMethodParameter().getParameterName();
			if (result.getContainerIndex() != null) {
				name += "[" + result.getContainerIndex() + "]";
			}
			else if (result.getContainerKey() != null) {
				name += "[" + result.getContainerKey() + "]";
			}
			if (result instanceof ParameterErrors parameterErrors) {
				for (FieldError error : parameterErrors.getFieldErrors()) {
					errors.add(error(name + "." + error.getField(), error.getDefaultMessage()));
				}
				for (var error : parameterErrors.getGlobalErrors()) {
					errors.add(error(name, error.getDefaultMessage()));
				}
			}
			else {
				for (var error : result.getResolvableErrors()) {
					errors.add(error(name, error.getDefaultMessage()));
				}
			}
		}
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var field = "body";
		var message = FieldRefusals.UNREADABLE;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			var repeated = FieldRefusals.repeated(cause);
			if (repeated != null) {
				field = repeated;
				message = FieldRefusals.REPEATED;
				break;
			}
			if (cause instanceof tools.jackson.core.exc.StreamConstraintsException limit) {
				// a number or text past the reader's limits (1,000 digits, 20 million
				// characters): said as such, where it was (s55: "is missing, malformed")
				field = limit.getPath().isEmpty() ? "body" : FieldRefusals.field(limit);
				message = String.valueOf(limit.getOriginalMessage()).startsWith("Number value length")
						? "holds a number of more than 1,000 digits, more than any amount or count has"
						: "holds a value larger than any field takes";
				break;
			}
			if (cause instanceof JacksonException jackson
					&& (jackson instanceof MismatchedInputException || !jackson.getPath().isEmpty())) {
				// the whole body or one field of the wrong JSON type, a property the
				// request does not have: named with what it must be
				field = FieldRefusals.field(jackson);
				message = FieldRefusals.message(jackson, this.bounds);
				break;
			}
		}
		return ResponseEntity.badRequest().body(invalid(List.of(error(FieldRefusals.inBody(field, request), message))));
	}

	/** A required query parameter that is missing: the 400 names it like any other. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalid(List.of(error(ex.getParameterName(), "is required"))));
	}

	/** A required multipart part that is missing, named like a parameter. */
	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(invalid(List.of(error(ex.getRequestPartName(), "is required"))));
	}

	/**
	 * Any other request binding failure (a missing header or cookie, parameters that do
	 * not fit the mapping): a 400 that names what is wrong.
	 */
	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			return super.handleServletRequestBindingException(ex, headers, status, request);
		}
		String field = "request";
		if (ex instanceof MissingRequestHeaderException header) {
			field = header.getHeaderName();
		}
		else if (ex instanceof MissingRequestCookieException cookie) {
			field = cookie.getCookieName();
		}
		else if (ex instanceof UnsatisfiedServletRequestParameterException unsatisfied
				&& !unsatisfied.getActualParams().isEmpty()) {
			field = String.join(", ", unsatisfied.getActualParams().keySet());
		}
		return ResponseEntity.status(status).body(invalid(List.of(error(field, ex.getBody().getDetail()))));
	}

	/**
	 * An unreadable query parameter, named with every other bad parameter of the request
	 * ({@link ParameterProblems}): unreadable ones and the page's range.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		var errors = ParameterProblems.of(ex, request, this.conversions.getIfAvailable())
			.stream()
			.map(problem -> error(problem.field(), problem.message()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/**
	 * A value that cannot be converted outside a handler's own parameters: named with its
	 * text, a repeated one's values joined, never an array's Java name.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var field = ex.getPropertyName() != null ? ex.getPropertyName() : "request";
		var message = "cannot be read from '" + ParameterProblems.text(ex.getValue()) + "'";
		return ResponseEntity.badRequest().body(invalid(List.of(error(field, message))));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
		var errors = ex.errors().stream().map(error -> error(error.field(), error.message())).toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	/** A refusal answers 403 with its reason ({@link Forbidden}). */
	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, Forbidden.reason(ex)));
	}

	/**
	 * A unique key, a lock or a serialisation failure decided that another request got
	 * there first (409); a value the database refuses is bad input (400); the rest is
	 * ours.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> database(DataAccessException ex) {
		var refusal = DatabaseRefusal.of(ex);
		if (refusal.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
			return serverError(ex);
		}
		var problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.reason());
		return ResponseEntity.status(refusal.status()).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> serverError(Exception ex) {
		log.error("Request failed", ex);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; it has been logged");
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
	}

	private static Map<String, Object> error(String field, String message) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("field", field);
		item.put("message", message);
		return item;
	}

	private static ProblemDetail invalid(List<Map<String, Object>> errors) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid input: "
				+ String.join("; ", errors.stream().map(e -> e.get("field") + ": " + e.get("message")).toList()));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

}
