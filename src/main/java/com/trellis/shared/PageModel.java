package com.trellis.shared;

import java.util.Map;

/**
 * What a module adds to the model of every page (the viewer, the navigation, the unread
 * count). Page handlers get it through their {@code @ModelAttribute} advice; an error
 * page built by an exception handler, which Spring renders without that advice, asks
 * every contributor here so it keeps the full layout.
 */
public interface PageModel {

	/** The attributes for the current request; a {@code null} value is left out. */
	Map<String, Object> attributes();

	/**
	 * Whether the current request's handler renders a page: false for a handler that
	 * answers with its body ({@code @ResponseBody}, every {@code @RestController} of the
	 * API), whose model nobody reads. {@code @ControllerAdvice(annotations =
	 * Controller.class)} also applies to REST controllers ({@code @RestController} is a
	 * {@code @Controller}), so the page advice ran on every API request: the navigation
	 * built, and for a member of staff their unread notices counted in a statement of its
	 * own (reg31). True when there is no handler method to ask.
	 */
	static boolean forPage() {
		if (!(org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes servlet)) {
			return true;
		}
		var handler = servlet.getRequest()
			.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
		if (!(handler instanceof org.springframework.web.method.HandlerMethod method)) {
			return true;
		}
		return !method.hasMethodAnnotation(org.springframework.web.bind.annotation.ResponseBody.class)
				&& !org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(method.getBeanType(),
						org.springframework.web.bind.annotation.ResponseBody.class);
	}

}
