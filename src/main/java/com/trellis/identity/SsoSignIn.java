package com.trellis.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on with OpenID Connect for vendor staff, on when Spring Boot's
 * {@code spring.security.oauth2.client.registration.*} settings name a provider. The
 * provider's verified e-mail is matched to an enabled vendor user ({@link SsoMatch});
 * everything else is refused on the sign-in page with its reason. Sign-ins and refusals
 * are audited.
 */
@Component
class SsoSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private static final Logger log = LoggerFactory.getLogger(SsoSignIn.class);

	private final OidcUserService provider = new OidcUserService();

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	private final UserRepository users;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	SsoSignIn(ObjectProvider<ClientRegistrationRepository> registrations, UserRepository users, AuditLog audit,
			TransactionTemplate transactions) {
		this.registrations = registrations;
		this.users = users;
		this.audit = audit;
		this.transactions = transactions;
	}

	/** Adds the OpenID Connect sign-in to the pages when a provider is configured. */
	void configure(HttpSecurity http) throws Exception {
		if (this.registrations.getIfAvailable() == null) {
			return;
		}
		http.oauth2Login(login -> login.loginPage("/login")
			.userInfoEndpoint(userInfo -> userInfo.oidcUserService(this))
			.defaultSuccessUrl("/", true)
			.failureHandler((request, response, ex) -> {
				var code = ex instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : null;
				response.sendRedirect(
						request.getContextPath() + "/login?sso=" + (SsoLoginAdvice.knows(code) ? code : "failed"));
			}));
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var oidc = this.provider.loadUser(request);
		var provider = request.getClientRegistration().getRegistrationId();
		// claims as the provider sent them, read without trusting their types: an address
		// no one may have (a NUL, an invisible character) matches no one, and only a
		// true email_verified (or "true") vouches for it
		var email = oidc.getClaims().get("email") instanceof String text ? text : null;
		var usable = email != null && com.trellis.shared.validation.EmailRule.problem(email.strip()).isEmpty();
		var credentials = usable ? this.users.credentials(email.strip())
			.filter(found -> com.trellis.shared.validation.EmailRule.sameAsWritten(found.user().email(), email.strip()))
			.orElse(null) : null;
		var verified = oidc.getClaims().get("email_verified");
		var shown = email == null ? null : email.replaceAll("\\p{Cc}", "\uFFFD");
		var decision = SsoMatch.decide(shown,
				Boolean.TRUE.equals(verified) || "true".equals(verified) ? Boolean.TRUE : Boolean.FALSE,
				credentials == null ? null
						: new SsoMatch.Candidate(credentials.user().role(), credentials.maySignIn()));
		var details = new LinkedHashMap<String, Object>();
		details.put("provider", provider);
		details.put("email", String.valueOf(shown));
		details.put("subject", oidc.getSubject());
		if (!decision.allowed()) {
			log.info("Single sign-on by {} refused: {}", provider, decision.reason());
			details.put("reason", decision.reason());
			this.transactions.executeWithoutResult(status -> this.audit.record(AuditLog.Actor.SYSTEM, "sso-sign-in",
					credentials == null ? "unknown" : credentials.user().id(), "refused", null, details));
			throw new OAuth2AuthenticationException(new OAuth2Error(decision.code(), decision.reason(), null));
		}
		var principal = TrellisUserDetailsService.principal(credentials);
		this.transactions.executeWithoutResult(status -> this.audit.record(principal.viewer().actor(), "sso-sign-in",
				principal.viewer().userId(), "signed in", null, details));
		return new SsoPrincipal(principal.viewer(), credentials.user().email(), oidc.getIdToken(), oidc.getUserInfo(),
				Map.copyOf(oidc.getClaims()));
	}

}
