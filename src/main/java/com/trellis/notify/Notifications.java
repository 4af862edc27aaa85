package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.SqlPipeline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notify module's facade: turns partner notices into an inbox entry plus one delivery
 * per channel and recipient (the partner's Slack channel, and each partner user by the
 * channels they keep on for the notice's kind, {@link PartnerNoticePreferences}), and
 * reads a partner's inbox.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final MailSetup mail;

	private final Clock clock;

	private final InboxWriter inbox;

	private final NoticeAudiences audiences;

	private final BusinessCalendar calendar;

	Notifications(JdbcClient jdbc, MailSetup mail, Clock clock, InboxWriter inbox, NoticeAudiences audiences,
			BusinessCalendar calendar) {
		this.calendar = calendar;
		this.audiences = audiences;
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.mail = mail;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PartnerNotice notice) {
		enqueue(notice);
	}

	/**
	 * Writes the notice and its deliveries; a notice whose key is known already is
	 * ignored.
	 */
	@Transactional
	public void enqueue(PartnerNotice notice) {
		enqueue(notice, this.audiences.of(null, notice.partnerId()));
	}

	/**
	 * As {@link #enqueue(PartnerNotice)}, with the partner's users, their channels and
	 * the partner's Slack channel read before ({@link NoticeAudiences}): only the inbox
	 * entry and the deliveries are written here. An audience read for another partner is
	 * read again.
	 */
	@Transactional
	public void enqueue(PartnerNotice notice, NoticeAudience audience) {
		if (!audience.hasPartner(notice.partnerId())) {
			audience = this.audiences.of(null, notice.partnerId());
		}
		var now = Timestamp.from(this.clock.instant());
		var id = this.inbox.entry(notice.key(), notice.partnerId(), null, notice.kind(), notice.subject(),
				notice.body(), notice.link(), now);
		if (id.isEmpty()) {
			return;
		}
		var kind = PartnerNoticeKind.of(notice.kind()).name();
		boolean mailConfigured = this.mail.configured();
		for (var user : audience.partnerUsers) {
			var choices = audience.choices.of(user.id());
			var slack = choices.slackWebhook();
			var channels = NoticeChannels.decide(choices.of(kind), mailConfigured, slack != null);
			for (var channel : channels) {
				var recipient = channel == NoticeChannels.Channel.EMAIL ? user.email() : slack;
				this.inbox.delivery(notice.key(), id.get(), channel.name(), recipient, now);
			}
		}
		if (audience.choices.partnerSlack() != null) {
			this.inbox.delivery(notice.key(), id.get(), "SLACK", audience.choices.partnerSlack(), now);
		}
	}

	/**
	 * As {@link #enqueue(PartnerNotice, NoticeAudience)}, with the inbox entry added to
	 * the caller's pipeline (written when the caller sends it, in its transaction) when
	 * the notice has no delivery to write: no user of the partner gets it by any channel
	 * and the partner has no Slack channel. A notice with deliveries, or an audience read
	 * for another partner, is written now, as
	 * {@link #enqueue(PartnerNotice, NoticeAudience)} writes it.
	 */
	public void enqueue(PartnerNotice notice, NoticeAudience audience, SqlPipeline pipeline) {
		if (!audience.hasPartner(notice.partnerId()) || hasDeliveries(notice, audience)) {
			enqueue(notice, audience);
			return;
		}
		this.inbox.entry(pipeline, notice.key(), notice.partnerId(), null, notice.kind(), notice.subject(),
				notice.body(), notice.link(), Timestamp.from(this.clock.instant()));
	}

	private boolean hasDeliveries(PartnerNotice notice, NoticeAudience audience) {
		if (audience.choices.partnerSlack() != null) {
			return true;
		}
		var kind = PartnerNoticeKind.of(notice.kind()).name();
		boolean mailConfigured = this.mail.configured();
		for (var user : audience.partnerUsers) {
			var choices = audience.choices.of(user.id());
			if (!NoticeChannels.decide(choices.of(kind), mailConfigured, choices.slackWebhook() != null).isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A partner's notices, newest first, each unread until a user of the partner read it
	 * (the inbox page, or the API's mark-read call): reading the list changes nothing, so
	 * a list read through the API tells each notice's state as it was.
	 */
	@Transactional(readOnly = true)
	public List<Notification> inbox(Viewer viewer, long partnerId, int limit) {
		return this.jdbc.sql("""
				SELECT id, partner_id, kind, subject, body, link, created_at, read_at FROM notification
				WHERE partner_id = :partner AND (CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)
				ORDER BY created_at DESC, id DESC LIMIT :limit
				""")
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("kind"),
					rs.getString("subject"), rs.getString("body"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") == null))
			.list()
			.stream()
			.map(notice -> notice.worded(reader()))
			.toList();
	}

	/**
	 * Marks a partner's notices read, for all its users: those given ({@code ids}, each
	 * of the partner; another's is left alone) that are still unread. Only a user of the
	 * partner marks them: the vendor's staff reading a partner's inbox leave it as it is.
	 * @return how many were unread and are now read
	 */
	@Transactional
	public int markRead(Viewer viewer, long partnerId, java.util.Collection<Long> ids) {
		if (!viewer.isPartnerUser() || ids.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("""
					UPDATE notification SET read_at = :now
					WHERE partner_id = :partner AND partner_id = :scopePartner AND id = ANY (CAST(:ids AS BIGINT[])) AND read_at IS NULL
					""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.param("ids", com.trellis.shared.SqlIds.array(ids))
			.update();
	}

	/**
	 * One of the partner's notices as its list shows it, if the viewer may see the
	 * partner's inbox and the notice is the partner's.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Notification> notice(Viewer viewer, long partnerId, long id) {
		return this.jdbc.sql("""
				SELECT id, partner_id, kind, subject, body, link, created_at, read_at FROM notification
				WHERE id = :id AND partner_id = :partner
				  AND (CAST(:scopePartner AS BIGINT) IS NULL OR partner_id = :scopePartner)
				""")
			.param("id", id)
			.param("partner", partnerId)
			.param("scopePartner", viewer.scopePartnerId())
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("kind"),
					rs.getString("subject"), rs.getString("body"), rs.getString("link"),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") == null))
			.optional()
			.map(notice -> notice.worded(reader()));
	}

	/**
	 * Sets or clears the Slack incoming webhook a partner's notices are posted to; only a
	 * Slack incoming webhook URL ({@link SlackWebhookRule}) is accepted.
	 */
	@Transactional
	public void setSlackWebhook(long partnerId, String url) {
		if (url != null && !url.isBlank()) {
			var decision = SlackWebhookRule.check(url);
			if (!decision.allowed()) {
				throw InvalidInputException.of("url", decision.reason());
			}
		}
		if (url == null || url.isBlank()) {
			this.jdbc.sql("DELETE FROM partner_channel WHERE partner_id = :partner")
				.param("partner", partnerId)
				.update();
			return;
		}
		this.jdbc.sql("""
				INSERT INTO partner_channel (partner_id, slack_webhook_url, updated_at) VALUES (:partner, :url, :now)
				ON CONFLICT (partner_id) DO UPDATE SET slack_webhook_url = :url, updated_at = :now
				""")
			.param("partner", partnerId)
			.param("url", url.strip())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** The reader's locale (their profile's, else the program's): a notice's notation. */
	private java.util.Locale reader() {
		return com.trellis.shared.Reading.locale(this.calendar.locale());
	}

}
