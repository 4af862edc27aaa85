package com.trellis.shared;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page request (a form post above all) whose parameters are not valid UTF-8 answers the
 * 400 page naming the parameter, before the security filters try to read the form's token
 * and fail without a word. API requests are refused the same way by {@link TextGuard},
 * once their caller is known.
 */
@Configuration(proxyBeanMethods = false)
class Utf8Guard {

	private static final String ERRORS = Utf8Guard.class.getName() + ".errors";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> utf8Filter() {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return request.getRequestURI().startsWith("/api/");
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try {
					TextGuard.parameters(request);
				}
				catch (InvalidInputException ex) {
					request.setAttribute(ERRORS, ex.errors());
					response.sendError(HttpServletResponse.SC_BAD_REQUEST);
					return;
				}
				chain.doFilter(request, response);
			}

		});
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** Names the fields the error page will list for this request. */
	static void nameErrors(HttpServletRequest request, Object errors) {
		request.setAttribute(ERRORS, errors);
	}

	/** The error page lists the fields the filter named. */
	@Bean
	DefaultErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {

			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				var attributes = super.getErrorAttributes(request, options);
				var errors = request.getAttribute(ERRORS, RequestAttributes.SCOPE_REQUEST);
				if (errors != null) {
					attributes.put("errors", errors);
				}
				return attributes;
			}

		};
	}

}
