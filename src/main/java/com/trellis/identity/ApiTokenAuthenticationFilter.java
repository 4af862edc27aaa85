package com.trellis.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls carrying {@code Authorization: Bearer trl_…}. A revoked or expired
 * token leaves the request unauthenticated and notes why, for the 401 answer.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	/** Request attribute with the reason a presented token was refused. */
	static final String REFUSAL = ApiTokenAuthenticationFilter.class.getName() + ".refusal";

	private final ApiTokens tokens;

	ApiTokenAuthenticationFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			var check = this.tokens.authenticate(header.substring(7).trim());
			if (check.principal() != null) {
				var principal = check.principal();
				var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
						principal.getAuthorities());
				SecurityContextHolder.getContext().setAuthentication(authentication);
			}
			else if (check.refusal() != null) {
				request.setAttribute(REFUSAL, check.refusal());
			}
		}
		chain.doFilter(request, response);
	}

}
