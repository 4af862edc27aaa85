package com.trellis.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.trellis.shared.RejectedRequests;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three doors: the REST API under {@code /api/**} takes personal API tokens and keeps no
 * session; the OpenAPI description takes a token or a signed-in session and answers 401
 * otherwise; the pages (Swagger UI among them) take a form login with a session and CSRF
 * protection, slowed down per e-mail and client address by the {@link LoginThrottle}.
 * Only the actuator's health endpoint is open to anyone.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ObjectMapper json) throws Exception {
		http.securityMatcher(request -> apiPath(request) && !sessionDownload(request))
			.csrf(csrf -> csrf.disable())
			// a token's authentication is no sign-in: a session cookie sent along is left
			// as it was (the default fixation protection changed its id)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none()))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> unauthorized(json, request, response))
				.accessDeniedHandler((request, response, ex) -> problem(json, response, HttpStatus.FORBIDDEN,
						com.trellis.shared.Forbidden.reason(ex))));
		return http.build();
	}

	private static boolean apiPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	/**
	 * A CSV download the pages link to ({@code /api/v1/cohorts/metrics.csv}) asked by a
	 * browser with its session cookie and no token: a {@code GET} of a {@code .csv} path
	 * without {@code Authorization}, carrying a session id. The pages' chain answers it
	 * with the session (a signed-in user downloads it; the API's chain answered 401, as
	 * it takes tokens only); every other API request, a CSV with a token or without a
	 * session among them, stays on the API's chain.
	 */
	private static boolean sessionDownload(jakarta.servlet.http.HttpServletRequest request) {
		return "GET".equals(request.getMethod()) && request.getRequestURI().endsWith(".csv")
				&& request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION) == null
				&& request.getRequestedSessionId() != null;
	}

	/** The OpenAPI description: for a signed-in session or a bearer token, else 401. */
	@Bean
	@Order(2)
	SecurityFilterChain apiDocs(HttpSecurity http, ApiTokens tokens, ObjectMapper json) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER)
				.sessionFixation(fixation -> fixation.none()))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> unauthorized(json, request, response)));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, SsoSignIn sso) throws Exception {
		sso.configure(http);
		// links from e-mails (password reset, invitation) are opened before signing in
		http.authorizeHttpRequests(
				requests -> requests.requestMatchers("/password/forgot", "/password/reset/*", "/join/*").permitAll());
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error",
					"/actuator/health", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// the error page says why (a filter's refusal, such as the CSRF check's, is
			// kept for it: it never reaches the error attributes)
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, ex) -> {
				request.setAttribute(com.trellis.shared.Forbidden.REFUSAL, ex);
				response.sendError(HttpStatus.FORBIDDEN.value());
			}))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'")));
		return http.build();
	}

	/**
	 * A request the firewall refuses (a double slash, a semicolon, an encoded slash or
	 * dot segment in the URL; a control character in a header's name or value) is
	 * answered before any chain runs: on the API a 400 problem detail whose
	 * {@code errors} name what was refused ({@code path}, the header such as
	 * {@code Accept}, {@link RejectedRequests}), on pages the 400 error page with the
	 * layout, saying the same.
	 */
	@Bean
	RequestRejectedHandler rejectedUrls(ObjectMapper json) {
		return (request, response, ex) -> {
			var error = RejectedRequests.of(ex);
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpStatus.BAD_REQUEST.value(), error.field() + ": " + error.message());
				return;
			}
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"Invalid input: " + error.field() + ": " + error.message());
			problem.setTitle("Invalid input");
			problem.setProperty("errors", List.of(error));
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter().write(json.writeValueAsString(problem));
		};
	}

	/**
	 * Tomcat would refuse an encoded slash itself with its own bare page; passed through,
	 * the firewall refuses it and {@link #rejectedUrls} answers as for any refused URL.
	 */
	@Bean
	TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
		return connector -> connector.setEncodedSolidusHandling("passthrough");
	}

	/**
	 * No observation of each security filter, authentication and authorization: Trellis
	 * exports no metrics or traces (only health is exposed), and each request started and
	 * stopped one per filter of its chain, with their timers: 8–9 % of the request
	 * threads' CPU samples in a registration (reg22's flight recording on the large
	 * dataset). The request itself is still observed by Spring MVC.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder(@Value("${" + PasswordHashing.COST + ":10}") int cost) {
		return PasswordHashing.encoder(cost);
	}

	private static void unauthorized(ObjectMapper json, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		var refusal = request.getAttribute(ApiTokenAuthenticationFilter.REFUSAL);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		problem(json, response, HttpStatus.UNAUTHORIZED,
				refusal != null ? refusal.toString() : "A valid API token is required (Authorization: Bearer <token>)");
	}

	private static void problem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(ProblemDetail.forStatusAndDetail(status, detail)));
	}

}
