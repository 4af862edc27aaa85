package com.trellis.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks the {@link LoginThrottle} before a password is checked. A throttled attempt is
 * sent back to the sign-in page with the seconds to wait, the same for known and unknown
 * e-mails. The client address is the servlet's remote address: behind a reverse proxy set
 * {@code server.forward-headers-strategy} so that it is the caller's, not the proxy's.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !SIGN_IN.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var wait = this.throttle.admit(request.getParameter("username"), request.getRemoteAddr());
		if (wait.isPresent()) {
			long seconds = Math.max(1, wait.get().toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + seconds);
			return;
		}
		chain.doFilter(request, response);
	}

}
