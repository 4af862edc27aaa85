package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;

import com.trellis.identity.Users;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal digests ({@link DigestNotice}): one inbox entry of the person (its key is
 * unique, so a digest written twice is sent once) and one delivery per channel they keep
 * on for digests, e-mail to their address and Slack to their own webhook (never a
 * partner's shared channel: a digest is personal). Written in the caller's transaction,
 * so the digest and the caller's record of having sent it commit together; the
 * {@link NotificationDispatcher} sends it.
 */
@Service
public class Digests {

	/** The notice-choice kind of a digest, for staff and partner users alike. */
	static final String KIND = "GUIDANCE_DIGEST";

	private final Users users;

	private final MailSetup mail;

	private final Clock clock;

	private final InboxWriter inbox;

	private final UserNoticeChoices choices;

	Digests(Users users, MailSetup mail, Clock clock, InboxWriter inbox, UserNoticeChoices choices) {
		this.users = users;
		this.mail = mail;
		this.clock = clock;
		this.inbox = inbox;
		this.choices = choices;
	}

	/**
	 * Writes the digest and its deliveries; returns false when the person is disabled or
	 * unknown, or a digest with this key was written already.
	 */
	@Transactional
	public boolean enqueue(DigestNotice digest) {
		var user = this.users.findEnabled(digest.userId()).orElse(null);
		if (user == null) {
			return false;
		}
		var now = Timestamp.from(this.clock.instant());
		var id = this.inbox.entry(digest.key(), null, user.id(), KIND, digest.subject(), digest.body(), digest.link(),
				now);
		if (id.isEmpty()) {
			return false;
		}
		var slack = this.choices.slackWebhook(user.id());
		var channels = NoticeChannels.decide(this.choices.of(user.id(), KIND), this.mail.configured(), slack != null);
		for (var channel : channels) {
			var recipient = channel == NoticeChannels.Channel.EMAIL ? user.email() : slack;
			this.inbox.delivery(digest.key(), id.get(), channel.name(), recipient, now);
		}
		return true;
	}

}
