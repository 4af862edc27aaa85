package com.trellis.shared;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A page form sent with bad input answers 400, whichever controller re-renders it: when a
 * submitted form (any method but GET and HEAD) is answered with a page (not a redirect)
 * whose model carries field errors ({@code errors} or {@code fieldErrors} not empty, a
 * {@link BindingResult} with errors) or an {@code error} message, and the controller left
 * the status at 200, the status becomes 400 Bad Request. The page shows the same errors
 * as before; browsers render it as they did, htmx swaps it in (its
 * {@code responseHandling} in the layout swaps 400 and 422 responses), and a script or a
 * monitor sees that nothing was done. A successful form redirects (post-redirect-get) and
 * is left alone.
 */
@Configuration(proxyBeanMethods = false)
class FormErrorStatus implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
				|| response.getStatus() != HttpServletResponse.SC_OK) {
			return;
		}
		var name = view.getViewName();
		if (name != null && (name.startsWith("redirect:") || name.startsWith("forward:"))) {
			return;
		}
		if (rejected(view.getModel())) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
	}

	static boolean rejected(Map<String, Object> model) {
		if (filled(model.get("errors")) || filled(model.get("fieldErrors"))) {
			return true;
		}
		if (model.get("error") instanceof CharSequence message && !message.toString().isBlank()) {
			return true;
		}
		return model.values().stream().anyMatch(value -> value instanceof BindingResult binding && binding.hasErrors());
	}

	private static boolean filled(Object value) {
		if (value instanceof Map<?, ?> map) {
			return !map.isEmpty();
		}
		if (value instanceof Collection<?> list) {
			return !list.isEmpty();
		}
		return false;
	}

}
