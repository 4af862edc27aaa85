package com.trellis.shared;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page fallback ({@code /error}) of a request to the API ({@code /api/**}): a
 * status set outside the app's exception handlers (an {@code ErrorResponseException} or
 * {@code ResponseStatusException} thrown by a page controller that also serves an API
 * path, a filter's {@code sendError}, the servlet container's own refusals) answers the
 * same RFC 9457 problem detail as every other API error ({@code application/problem+json}
 * with {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} and,
 * when a filter named them, {@code errors}), whatever the request accepts, instead of
 * Spring's default body. The detail is the exception's own problem detail when it has
 * one, else for a 403 the refusal's reason ({@link Forbidden}: its own sentence, or the
 * general one for a framework's refusal), else the reason given to {@code sendError},
 * else the status's phrase: never a stack trace. A page path asked for anything but HTML
 * ({@code Accept: *}{@code /*}, JSON) answers the same problem detail, never Spring's
 * default error body or the error page's own model (its {@code write}, {@code timestamp}
 * or {@code path}); pages asked for HTML keep their error pages
 * ({@link BasicErrorController}), whose model also says whether the request could have
 * changed something ({@code write}: "Nothing was saved") and, for a refusal, its reason
 * ({@code reason}, {@link Forbidden}).
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiErrorFallback extends BasicErrorController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ErrorAttributes attributes;

	ApiErrorFallback(ErrorAttributes attributes, WebProperties web, ObjectProvider<ErrorViewResolver> resolvers) {
		super(attributes, web.getError(), resolvers.orderedStream().toList());
		this.attributes = attributes;
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (!api(request)) {
			var page = super.errorHtml(request, response);
			if (page != null) {
				page.addObject("write", PageErrors.writes(request));
				var reason = Forbidden.own(refusal(request));
				page.addObject("reason", reason);
				// a form refused for its token: the sentence says what to do, and no role
				// advice follows it
				page.addObject("formToken", Forbidden.FORM_TOKEN.equals(reason));
			}
			return page;
		}
		var problem = problem(request);
		response.setStatus((int) problem.get("status"));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		try {
			JSON.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException ex) {
			// the client went away: nothing left to answer
		}
		return null;
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (getStatus(request) == HttpStatus.NO_CONTENT) {
			return super.error(request);
		}
		var problem = problem(request);
		return ResponseEntity.status((int) problem.get("status"))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** Whether the failed request was to the API (its original path, not /error). */
	static boolean api(HttpServletRequest request) {
		var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * Whether a request being handled is to the API: a page controller's method that also
	 * serves an API path answers its bad input as a problem detail there.
	 */
	static boolean apiPath(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * The failure the error page answers: as the error attributes keep it, else the
	 * refusal the pages' access-denied handler kept ({@link Forbidden#REFUSAL}).
	 */
	private Throwable refusal(HttpServletRequest request) {
		var error = this.attributes.getError(new ServletWebRequest(request));
		return error != null ? error : (Throwable) request.getAttribute(Forbidden.REFUSAL);
	}

	private Map<String, Object> problem(HttpServletRequest request) {
		var status = getStatus(request);
		var error = refusal(request);
		String detail = null;
		if (error instanceof ErrorResponse response && response.getBody().getDetail() != null) {
			detail = response.getBody().getDetail();
		}
		if (detail == null && status == HttpStatus.FORBIDDEN) {
			detail = Forbidden.reason(error);
		}
		var reason = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (detail == null && reason instanceof String text && !text.isBlank()) {
			detail = text;
		}
		var phrase = status.getReasonPhrase();
		var problem = new LinkedHashMap<String, Object>();
		problem.put("type", "about:blank");
		problem.put("title", phrase);
		problem.put("status", status.value());
		problem.put("detail", detail != null ? detail : phrase);
		problem.put("instance", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (request.getAttribute(Utf8Guard.class.getName() + ".errors") instanceof List<?> errors) {
			problem.put("errors", errors);
		}
		return problem;
	}

}
