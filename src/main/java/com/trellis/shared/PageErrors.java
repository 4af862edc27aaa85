package com.trellis.shared;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.ConversionService;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Bad input that reaches a page handler (a rule broken past the form's own checks, a
 * parameter that cannot be read or is missing) answers 400 with the page layout, the
 * field-by-field problems and a way back, instead of a 500. Unexpected failures are left
 * to the error page {@code error/500}; a write that lost a race against another request
 * answers the 409 page. REST controllers are answered by {@link ApiErrors} first; a JSON
 * method of a page controller gets the same problem detail.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private final List<PageModel> layout;

	private final ObjectProvider<ConversionService> conversions;

	PageErrors(List<PageModel> layout,
			@Qualifier("mvcConversionService") ObjectProvider<ConversionService> conversions) {
		this.layout = layout;
		this.conversions = conversions;
	}

	@ExceptionHandler({ InvalidInputException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class, BindException.class })
	Object badInput(Exception ex, HandlerMethod handler, HttpServletRequest request) {
		var errors = errors(ex, request);
		if (answersJson(handler) || ApiErrorFallback.apiPath(request) || asksJson(request)) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid input: "
					+ String.join(", ", errors.stream().map(InvalidInputException.FieldError::field).toList()));
			problem.setTitle("Invalid input");
			problem.setProperty("errors", errors);
			return ResponseEntity.badRequest().body(problem);
		}
		// an htmx request swaps the answer into a part of the page (a list's results):
		// the
		// problems alone, not a second page with its own header inside the first
		var page = new ModelAndView(partial(request) ? "error/400 :: problems" : "error/400", HttpStatus.BAD_REQUEST);
		page.addObject("errors", errors);
		page.addObject("back", back(request));
		page.addObject("write", writes(request));
		this.layout.forEach((contributor) -> contributor.attributes().forEach((name, value) -> {
			if (value != null) {
				page.addObject(name, value);
			}
		}));
		return page;
	}

	/**
	 * A write that lost a race answers the 409 page; a value the database refuses, 400.
	 */
	/**
	 * What the record's state refused on a page no form of which took it (a crafted or
	 * outdated post): the 409 page says what, in words; a JSON answer keeps its problem
	 * detail.
	 */
	@ExceptionHandler(ConflictException.class)
	Object conflict(ConflictException ex, HandlerMethod handler, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (answersJson(handler) || ApiErrorFallback.apiPath(request) || asksJson(request)) {
			return ResponseEntity.status(ex.getStatusCode()).body(ex.getBody());
		}
		response.sendError(ex.getStatusCode().value(), ex.readable());
		return null;
	}

	@ExceptionHandler({ DataIntegrityViolationException.class, ConcurrencyFailureException.class })
	void refused(DataAccessException ex, HttpServletResponse response) throws IOException {
		var refusal = DatabaseRefusal.of(ex);
		response.sendError(refusal.status().value(), refusal.reason());
	}

	/**
	 * The problems to show: an unreadable parameter with every other bad parameter of the
	 * request ({@link ParameterProblems}, as the API names them), not the first alone.
	 */
	private List<InvalidInputException.FieldError> errors(Exception ex, HttpServletRequest request) {
		if (ex instanceof InvalidInputException invalid) {
			return invalid.errors();
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return ParameterProblems.of(mismatch, request, this.conversions.getIfAvailable());
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return List.of(new InvalidInputException.FieldError(missing.getParameterName(), "is required"));
		}
		// what each field must be, in the words a form's field is told
		return FormErrors.of((BindException) ex)
			.entrySet()
			.stream()
			.map(e -> new InvalidInputException.FieldError(e.getKey(), e.getValue()))
			.toList();
	}

	/**
	 * An htmx request for a part of a page (not a boosted link or form, which gets
	 * pages).
	 */
	private static boolean partial(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
	}

	/**
	 * Whether the request could have changed something ("Nothing was saved" says so): by
	 * its own method, which the container's error page dispatch names apart (it
	 * dispatches as GET).
	 */
	static boolean writes(HttpServletRequest request) {
		var method = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_METHOD) instanceof String original
				? original : request.getMethod();
		return !"GET".equals(method) && !"HEAD".equals(method);
	}

	/**
	 * A client that asks a page for JSON and not HTML ({@code Accept: application/json}
	 * or {@code application/problem+json}, without {@code text/html}) and is not htmx:
	 * its bad input is answered as the problem detail its other errors get
	 * ({@link ApiErrorFallback}). Browsers and htmx (whose requests send
	 * {@code *}{@code /*}) keep the error page.
	 */
	private static boolean asksJson(HttpServletRequest request) {
		var accept = request.getHeader("Accept");
		if (accept == null || request.getHeader("HX-Request") != null) {
			return false;
		}
		var asked = accept.toLowerCase(java.util.Locale.ROOT);
		return (asked.contains("application/json") || asked.contains("application/problem+json"))
				&& !asked.contains("text/html");
	}

	private static boolean answersJson(HandlerMethod handler) {
		return handler.hasMethodAnnotation(ResponseBody.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
	}

	/**
	 * The page the form or link was on, when it is one of ours; else, for a read whose
	 * query was bad (a typed or bookmarked address), the same page as it opens without
	 * one (not a file such as a CSV); otherwise the home page.
	 */
	private static String back(HttpServletRequest request) {
		var referer = request.getHeader("Referer");
		var own = request.getScheme() + "://" + request.getServerName();
		if (referer != null && referer.startsWith(own)) {
			int path = referer.indexOf('/', own.length());
			return path < 0 ? "/" : referer.substring(path);
		}
		var path = request.getRequestURI();
		if (!writes(request) && request.getQueryString() != null && !request.getQueryString().isBlank()
				&& !path.substring(path.lastIndexOf('/') + 1).contains(".")) {
			return path;
		}
		return "/";
	}

}
