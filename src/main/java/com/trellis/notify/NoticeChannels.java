package com.trellis.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which channels a notice goes to one user by besides the in-app inbox, which always has
 * it (a staff notice, or a partner notice to each of the partner's users): e-mail unless
 * the user turned that kind off (and a mail server is configured), Slack when the user
 * named a webhook and did not turn that kind off.
 */
final class NoticeChannels {

	private NoticeChannels() {
	}

	/**
	 * @param choices the user's stored choices for this kind by channel (missing means
	 * on)
	 */
	static List<Channel> decide(Map<String, Boolean> choices, boolean mailConfigured, boolean slackConfigured) {
		var channels = new ArrayList<Channel>();
		if (mailConfigured && choices.getOrDefault("EMAIL", true)) {
			channels.add(Channel.EMAIL);
		}
		if (slackConfigured && choices.getOrDefault("SLACK", true)) {
			channels.add(Channel.SLACK);
		}
		return channels;
	}

	enum Channel {

		EMAIL, SLACK

	}

}
