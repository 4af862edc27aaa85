package com.trellis.webhooks;

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
		var form = OutboundUrlPolicy.checkForm(url);
		return form.allowed() ? new Decision(true, "may be called (private targets allowed)") : form;
	}

}
