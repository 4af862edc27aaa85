package com.trellis.shared;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An API request's query parameter that its operation does not read is a 400 naming it
 * and the parameters the operation takes ({@code q: is not a parameter of this operation;
 * it takes page, size, status}), one error per such name, before the operation runs (s55:
 * {@code /api/v1/registrations?q=zzz} answered the whole list, as if filtered). What an
 * operation reads is what {@link RepeatedParameters} finds its handler binding; an
 * operation that reads a map of parameters is not checked (one given the request itself
 * is: it reads what it names). Runs after the role and ownership checks, like
 * {@link RepeatedParameters}; page requests are not checked (a browser's forms and links
 * send only their own fields).
 */
@Configuration(proxyBeanMethods = false)
class UnknownQueryParameters implements WebMvcConfigurer, HandlerInterceptor {

	private final RepeatedParameters parameters;

	UnknownQueryParameters(RepeatedParameters parameters) {
		this.parameters = parameters;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(3);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var query = request.getQueryString();
		if (query == null || query.isEmpty() || !TextGuard.guards(request, handler)
				|| !(handler instanceof HandlerMethod method)
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		var reads = this.parameters.readBy(method);
		var unknown = new LinkedHashSet<String>();
		for (var pair : query.split("&")) {
			var name = decoded(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
			if (!name.isEmpty() && !reads.reads(name)) {
				unknown.add(name);
			}
		}
		if (unknown.isEmpty()) {
			return true;
		}
		var known = new TreeSet<String>(reads.one());
		known.addAll(reads.several());
		var takes = known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known);
		var errors = new ArrayList<InvalidInputException.FieldError>();
		for (var name : unknown) {
			errors.add(new InvalidInputException.FieldError(name, "is not a parameter of this operation; " + takes));
		}
		throw new InvalidInputException(errors);
	}

	private static String decoded(String name) {
		try {
			return URLDecoder.decode(name, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
