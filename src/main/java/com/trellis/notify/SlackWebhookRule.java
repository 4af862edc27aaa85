package com.trellis.notify;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import com.trellis.shared.OutboundUrlPolicy;
import com.trellis.shared.OutboundUrlPolicy.Decision;

/**
 * A partner's Slack channel must be a real Slack incoming webhook: {@code https} to
 * {@code hooks.slack.com} on the standard port, a path of {@code /services/} and
 * letter-and-digit segments only (no {@code ..}, no escapes such as {@code %00}), no
 * query, and it must pass the {@link OutboundUrlPolicy} like any URL Trellis calls.
 */
final class SlackWebhookRule {

	static final String HOST = "hooks.slack.com";

	/**
	 * Exactly {@code /services/} and letters-and-digits segments: no dot segments, no
	 * escapes.
	 */
	private static final Pattern PATH = Pattern.compile("/services(/[A-Za-z0-9]+)+");

	private SlackWebhookRule() {
	}

	static Decision check(String url) {
		var general = OutboundUrlPolicy.check(url);
		if (!general.allowed()) {
			return general;
		}
		// as written: a Slack URL's host is ASCII (an internationalised one has no host
		// here, try19: a 500)
		var uri = URI.create(url.strip());
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
				|| !HOST.equals(uri.getHost().toLowerCase(Locale.ROOT)) || (uri.getPort() != -1 && uri.getPort() != 443)
				|| uri.getRawPath() == null || !PATH.matcher(uri.getRawPath()).matches() || uri.getRawQuery() != null
				|| uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
			return new Decision(false, "must be a Slack incoming webhook URL (https://" + HOST + "/services/…)");
		}
		return general;
	}

}
