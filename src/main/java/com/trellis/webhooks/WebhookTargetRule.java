package com.trellis.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import com.trellis.shared.OutboundUrlPolicy;
import com.trellis.shared.OutboundUrlPolicy.Decision;

/**
 * Whether a webhook may be sent to a URL. By default the outbound URL policy decides, as
 * written when the subscription is saved and with the addresses the host resolves to just
 * before each request. With {@code trellis.webhooks.allow-private-targets} (a receiver on
 * the same host or network, as in tests) only the form is checked: an http or https URL
 * of at most {@value OutboundUrlPolicy#MAX_LENGTH} characters with a host and no user
 * info.
 */
final class WebhookTargetRule {

	private WebhookTargetRule() {
	}

	/** The check when a subscription's URL is entered. */
	static Decision whenEntered(String url, boolean allowPrivate) {
		return allowPrivate ? form(url) : OutboundUrlPolicy.check(url);
	}

	/** The check just before a request is sent. */
	static Decision beforeSending(String url, boolean allowPrivate, OutboundUrlPolicy.Resolver resolver) {
		return allowPrivate ? form(url) : OutboundUrlPolicy.checkResolved(url, resolver);
	}

	private static Decision form(String url) {
		if (url == null || url.isBlank()) {
			return new Decision(false, "is empty");
		}
		if (url.length() > OutboundUrlPolicy.MAX_LENGTH) {
			return new Decision(false, "is longer than " + OutboundUrlPolicy.MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			return new Decision(false, "is not a valid URL");
		}
		var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return new Decision(false, "must be an http or https URL");
		}
		if (uri.getRawUserInfo() != null) {
			return new Decision(false, "must not contain a user name or password");
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return new Decision(false, "has no host name");
		}
		return new Decision(true, "may be called (private targets allowed)");
	}

}
