package com.trellis.shared;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whole numbers read from a request's text (an id in the path, a query or form
 * parameter): digits with an optional sign, nothing else. Spring's own reading drops
 * every whitespace first, so {@code /notifications/865%20/read} was read as 865 and
 * {@code ?page=1%202} as 12. A path variable the handler reads as a whole number is
 * checked before the handler runs (400 naming it, nothing changed); query and form
 * parameters are read by a strict converter, whose failure is answered as every
 * unreadable parameter ({@link ApiErrors}, {@link PageErrors}). An empty value reads as
 * none, as before.
 */
@Configuration(proxyBeanMethods = false)
class WholeNumbers implements WebMvcConfigurer, HandlerInterceptor {

	private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, text -> text.isEmpty() ? null : Long.valueOf(whole(text)));
		registry.addConverter(String.class, Integer.class,
				text -> text.isEmpty() ? null : Integer.valueOf(whole(text)));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !(request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
			return true;
		}
		for (var parameter : method.getMethodParameters()) {
			var annotation = parameter.getParameterAnnotation(PathVariable.class);
			if (annotation == null || !whole(parameter.getParameterType())) {
				continue;
			}
			parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
			var name = !annotation.name().isEmpty() ? annotation.name() : parameter.getParameterName();
			var value = name == null ? null : variables.get(name);
			if (value != null && !WHOLE.matcher(value.toString()).matches()) {
				throw InvalidInputException.of(name, "must be a whole number ('" + value + "' is not)");
			}
		}
		return true;
	}

	private static boolean whole(Class<?> type) {
		return type == long.class || type == Long.class || type == int.class || type == Integer.class;
	}

	private static String whole(String text) {
		if (!WHOLE.matcher(text).matches()) {
			throw new IllegalArgumentException("'" + text + "' is no whole number");
		}
		return text.startsWith("+") ? text.substring(1) : text;
	}

}
