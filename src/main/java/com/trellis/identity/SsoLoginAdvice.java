package com.trellis.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Gives the sign-in page its "Sign in with …" buttons (one per configured OpenID Connect
 * provider) and the message for a refused single sign-on.
 */
@ControllerAdvice(assignableTypes = LoginController.class)
class SsoLoginAdvice {

	private static final Set<String> REFUSALS = Set.of("unknown", "disabled", "unverified", "partner", "failed");

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	SsoLoginAdvice(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	static boolean knows(String code) {
		return code != null && REFUSALS.contains(code);
	}

	@ModelAttribute("ssoProviders")
	List<Provider> providers() {
		var providers = new ArrayList<Provider>();
		if (this.registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (var each : all) {
				if (each instanceof ClientRegistration registration) {
					providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
				}
			}
		}
		return providers;
	}

	/** The message key for a refused single sign-on, or null. */
	@ModelAttribute("ssoRefusal")
	String refusal(@RequestParam(name = "sso", required = false) String code) {
		if (code == null) {
			return null;
		}
		return "login.sso." + (knows(code) ? code : "failed");
	}

	record Provider(String id, String name) {
	}

}
