package com.trellis.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Runs the modules' {@link SeenRecord} rules on a read of a record before its query
 * parameters are guarded, bound or validated: after the role rule
 * ({@link RolesBeforeBinding}), next to the rules of writes
 * ({@link OwnersBeforeBinding}). A partner user asking another partner's tier with an
 * unknown or unreadable parameter was told 400 naming the parameter before the 404 (issue
 * 15's helpers, session 60). The rules that apply to a handler pattern are found once and
 * kept, broadest first (a partner's, then a stricter rule under its path).
 */
@Configuration(proxyBeanMethods = false)
class ReadersBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

	private final ObjectProvider<SeenRecord> rules;

	private final Map<String, List<Applied>> byPattern = new ConcurrentHashMap<>();

	ReadersBeforeBinding(ObjectProvider<SeenRecord> rules) {
		this.rules = rules;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE + 1);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod) || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST
				|| !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)
				|| !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars)) {
			return true;
		}
		var applied = this.byPattern.computeIfAbsent(pattern, this::applying);
		if (applied.isEmpty()) {
			return true;
		}
		var viewer = ViewerArgumentResolver.current();
		for (var rule : applied) {
			var id = vars.get(rule.variable());
			if (id != null && String.valueOf(id).matches("[0-9]{1,18}")) {
				rule.rule().requireSees(viewer, Long.parseLong(String.valueOf(id)));
			}
		}
		return true;
	}

	private List<Applied> applying(String pattern) {
		return this.rules.orderedStream()
			.flatMap(rule -> rule.paths()
				.stream()
				.filter(path -> under(pattern, path))
				.map(path -> new Applied(path, rule)))
			.sorted(Comparator.comparingInt(a -> a.path().length()))
			.toList();
	}

	/** The pattern is the path, or lies under it ("/…/{id}/x", "/…/{id}.csv"). */
	private static boolean under(String pattern, String path) {
		return pattern.equals(path) || pattern.startsWith(path + "/") || pattern.startsWith(path + ".");
	}

	private record Applied(String path, SeenRecord rule) {

		/**
		 * The path's last variable, the record's id ({@code /partners/{id}/overlaps}: a
		 * rule may name a part of the record under its id).
		 */
		String variable() {
			int open = this.path.lastIndexOf('{');
			return this.path.substring(open + 1, this.path.indexOf('}', open));
		}

	}

}
