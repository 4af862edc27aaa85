package com.trellis.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Re-reads, on each request of a signed-in session, whether its user still may: a
 * deactivated user's session ends on their next request, and so does one whose role was
 * changed (they sign in again with the new role), and so does one signed in before the
 * user's password was changed elsewhere (a reset link, another session: s56, a stolen
 * session outlived the password change). A user holding a one-time password is sent to
 * their profile, where they choose their own, before anything else. API tokens are
 * checked against the user on every call by {@link ApiTokens} already.
 */
@Configuration(proxyBeanMethods = false)
class SessionChecks implements WebMvcConfigurer, HandlerInterceptor {

	private final UserAdminRepository users;

	SessionChecks(UserAdminRepository users) {
		this.users = users;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		var session = request.getSession(false);
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || authentication == null
				|| !(authentication.getPrincipal() instanceof Viewer.Holder principal)) {
			return true;
		}
		var viewer = principal.viewer();
		var state = this.users.sessionState(viewer.userId()).orElse(null);
		var signedInUnder = session.getAttribute(CREDENTIALS_VERSION);
		if (signedInUnder == null && state != null) {
			// the session's first checked request, right after its sign-in
			signedInUnder(session, state.credentialsVersion());
		}
		else if (state != null && !Integer.valueOf(state.credentialsVersion()).equals(signedInUnder)) {
			state = null; // the password changed since: the session ends
		}
		if (state == null || !state.active() || state.role() != viewer.role()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			response.sendRedirect(request.getContextPath() + "/login?ended");
			return false;
		}
		if (state.mustChangePassword() && handler instanceof HandlerMethod && !choosesPassword(request)) {
			response.sendRedirect(request.getContextPath() + ProfileController.PATH);
			return false;
		}
		return true;
	}

	/**
	 * At the sign-in itself (a password or single sign-on) the session takes the
	 * credentials version it signs in under, before any request of it is checked: a
	 * session signed in but not yet used ends with a password change too (s56). The
	 * session keeps its attributes when its id changes after the sign-in.
	 */
	@org.springframework.context.event.EventListener
	void signedIn(org.springframework.security.authentication.event.AuthenticationSuccessEvent event) {
		if (!(event.getAuthentication().getPrincipal() instanceof Viewer.Holder principal)
				|| !(org.springframework.web.context.request.RequestContextHolder
					.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes request)) {
			return;
		}
		// the session that will hold the sign-in (made now when the sign-in page made
		// none; its id changes next, its attributes stay)
		var session = request.getRequest().getSession(true);
		this.users.sessionState(principal.viewer().userId())
			.ifPresent(state -> signedInUnder(session, state.credentialsVersion()));
	}

	/**
	 * The session attribute holding the credentials version the session signed in under.
	 */
	static final String CREDENTIALS_VERSION = "trellis.credentialsVersion";

	/** Keeps the session signed in under {@code version} (its own password change). */
	static void signedInUnder(jakarta.servlet.http.HttpSession session, int version) {
		session.setAttribute(CREDENTIALS_VERSION, version);
	}

	private static boolean choosesPassword(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(ProfileController.PATH) || path.equals(ProfileController.PASSWORD_PATH);
	}

}
