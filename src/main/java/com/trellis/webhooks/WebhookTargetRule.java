package com.trellis.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import com.trellis.shared.OutboundUrlPolicy;
import com.trellis.shared.OutboundUrlPolicy.Decision;

/**
 * Whether a webhook may be sent to a URL. By default the outbound URL policy decides with
 * the addresses the host resolves to, the same way when the subscription is saved and
 * just before each request, so a URL that sending would refuse ({@code localhost.}, a
 * name resolving to a loopback or private address) is not saved. With
 * {@code trellis.webhooks.allow-private-targets} (a receiver on the same host or network,
 * as in tests) only the form is checked: an http or https URL of at most
 * {@value OutboundUrlPolicy#MAX_LENGTH} characters with a host, a valid port and no user
 * info.
 */
final class WebhookTargetRule {

	private WebhookTargetRule() {
	}

	/**
	 * The check when a subscription's URL is entered and again just before each request
	 * (the host may resolve elsewhere by then).
	 */
	static Decision decide(String url, boolean allowPrivate, OutboundUrlPolicy.Resolver resolver) {
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
			uri = new URI(OutboundUrlPolicy.asciiHost(url));
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
		if (!OutboundUrlPolicy.validPort(uri)) {
			return new Decision(false, OutboundUrlPolicy.INVALID_PORT.formatted(uri.getPort()));
		}
		return new Decision(true, "may be called (private targets allowed)");
	}

}
