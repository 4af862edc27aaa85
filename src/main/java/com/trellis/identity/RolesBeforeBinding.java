package com.trellis.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a handler's role rule ({@code @PreAuthorize} on the method or its controller)
 * before anything of the request is read: a caller whose role may not use an endpoint
 * gets 403 whatever the body or parameters, and learns nothing from validation errors;
 * the 403 names the roles the rule lets in ({@link RoleRuleReason}). Rules that look at
 * arguments ({@code #id}) are left to method security, which still runs after binding as
 * the second check.
 */
@Configuration(proxyBeanMethods = false)
class RolesBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

	RolesBeforeBinding(ApplicationContext context) {
		this.rules.setApplicationContext(context);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		var rule = roleOnly(method);
		if (rule == null) {
			return true;
		}
		var invocation = new SimpleMethodInvocation(method.getBean(), method.getMethod(),
				new Object[method.getMethod().getParameterCount()]);
		var decision = this.rules.authorize(SecurityContextHolder.getContext()::getAuthentication, invocation);
		if (decision != null && !decision.isGranted()) {
			throw new AccessDeniedException(RoleRuleReason.of(rule));
		}
		return true;
	}

	/**
	 * The handler's role rule when it reads no argument, else {@code null}.
	 */
	private static String roleOnly(HandlerMethod method) {
		var rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
		}
		return rule != null && !rule.value().contains("#") ? rule.value() : null;
	}

}
