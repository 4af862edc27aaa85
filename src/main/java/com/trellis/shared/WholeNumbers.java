package com.trellis.shared;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids in a request's path are whole numbers: digits with an optional sign, nothing else.
 * Spring's own reading drops every whitespace first, so
 * {@code /notifications/865%20/read} was read as 865 (and "8%2065" too). Each path
 * variable the handler reads as a whole number ({@code long}, {@code int} and their
 * boxes) is checked before the handler runs: anything else is a 400 naming it
 * ({@link ApiErrors}, {@link PageErrors}), nothing changed. Query and form parameters are
 * not checked here.
 */
@Configuration(proxyBeanMethods = false)
class WholeNumbers implements WebMvcConfigurer, HandlerInterceptor {

	private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

	private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!TextGuard.guards(request, handler) || !(handler instanceof HandlerMethod method) || !(request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
			return true;
		}
		for (var parameter : method.getMethodParameters()) {
			var annotation = parameter.getParameterAnnotation(PathVariable.class);
			if (annotation == null || !whole(parameter.getParameterType())) {
				continue;
			}
			parameter.initParameterNameDiscovery(NAMES);
			var name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
			var value = name == null ? null : variables.get(name);
			if (value != null && !WHOLE.matcher(value.toString()).matches()) {
				throw InvalidInputException.of(name,
						"must be a whole number ('" + Quoted.of(value.toString()) + "' is not)");
			}
		}
		return true;
	}

	private static boolean whole(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

}
