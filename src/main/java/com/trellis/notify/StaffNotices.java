package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.SqlPipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices for vendor staff: each {@link StaffNotice} becomes one row in the user's inbox
 * (its key is unique, so a redelivered event notifies once) and one delivery per channel
 * the user keeps on ({@link NoticeChannels}), sent by the {@link NotificationDispatcher}
 * like a partner's notices. Reads the signed-in user's own inbox and unread count.
 */
@Service
public class StaffNotices {

	private static final Logger log = LoggerFactory.getLogger(StaffNotices.class);

	private final JdbcClient jdbc;

	private final MailSetup mail;

	private final Clock clock;

	private final InboxWriter inbox;

	private final NoticeAudiences audiences;

	private final BusinessCalendar calendar;

	StaffNotices(JdbcClient jdbc, MailSetup mail, Clock clock, InboxWriter inbox, NoticeAudiences audiences,
			BusinessCalendar calendar) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.audiences = audiences;
		this.mail = mail;
		this.clock = clock;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(StaffNotice notice) {
		enqueue(notice);
	}

	/** Writes the notice and its deliveries; a notice whose key is known is ignored. */
	@Transactional
	public void enqueue(StaffNotice notice) {
		enqueue(notice, this.audiences.of(notice.userId(), null));
	}

	/**
	 * As {@link #enqueue(StaffNotice)}, with the recipient and their channels read before
	 * ({@link NoticeAudiences}): only the inbox entry and the deliveries are written
	 * here. An audience read for someone else is read again.
	 */
	@Transactional
	public void enqueue(StaffNotice notice, NoticeAudience audience) {
		if (!audience.hasStaff(notice.userId())) {
			audience = this.audiences.of(notice.userId(), null);
		}
		var user = audience.staff;
		if (user == null || user.partnerId() != null) {
			log.warn("Staff notice {} names no member of the vendor's staff ({}); left out", notice.key(),
					notice.userId());
			return;
		}
		var now = Timestamp.from(this.clock.instant());
		var id = this.inbox.entry(notice.key(), null, notice.userId(), notice.kind().name(), notice.subject(),
				notice.body(), notice.link(), now);
		if (id.isEmpty() || !audience.staffEnabled) {
			return;
		}
		var choices = audience.choices.of(user.id());
		var slack = choices.slackWebhook();
		var channels = NoticeChannels.decide(choices.of(notice.kind().name()), this.mail.configured(), slack != null);
		for (var channel : channels) {
			var recipient = channel == NoticeChannels.Channel.EMAIL ? user.email() : slack;
			this.inbox.delivery(notice.key(), id.get(), channel.name(), recipient, now);
		}
	}

	/**
	 * As {@link #enqueue(StaffNotice, NoticeAudience)}, with the inbox entry added to the
	 * caller's pipeline (written when the caller sends it, in its transaction) when the
	 * notice has no delivery to write: the recipient is disabled or chose no channel (or
	 * none is configured). A notice with deliveries, or an audience read for someone
	 * else, is written now, as {@link #enqueue(StaffNotice, NoticeAudience)} writes it.
	 */
	public void enqueue(StaffNotice notice, NoticeAudience audience, SqlPipeline pipeline) {
		var user = audience.hasStaff(notice.userId()) ? audience.staff : null;
		if (user == null || user.partnerId() != null
				|| audience.staffEnabled && !channels(notice, audience).isEmpty()) {
			enqueue(notice, audience);
			return;
		}
		this.inbox.entry(pipeline, notice.key(), null, notice.userId(), notice.kind().name(), notice.subject(),
				notice.body(), notice.link(), Timestamp.from(this.clock.instant()));
	}

	private List<NoticeChannels.Channel> channels(StaffNotice notice, NoticeAudience audience) {
		var choices = audience.choices.of(audience.staff.id());
		return List.copyOf(NoticeChannels.decide(choices.of(notice.kind().name()), this.mail.configured(),
				choices.slackWebhook() != null));
	}

	/** The signed-in user's own notices, newest first. */
	@Transactional(readOnly = true)
	public List<Notification> inbox(Viewer viewer, int limit) {
		return this.jdbc.sql("""
				SELECT id, kind, subject, body, link, created_at, read_at FROM notification
				WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit
				""")
			.param("user", viewer.userId())
			.param("limit", limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), 0, rs.getString("kind"), rs.getString("subject"),
					rs.getString("body"), rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") == null))
			.list()
			.stream()
			.map(notice -> notice.worded(reader()))
			.toList();
	}

	/** How many of the signed-in user's notices are unread. */
	@Transactional(readOnly = true)
	public long unread(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			return 0;
		}
		return this.jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
			.param("user", viewer.userId())
			.query(Long.class)
			.single();
	}

	/** Marks every notice of the signed-in user read. */
	@Transactional
	public int markAllRead(Viewer viewer) {
		return this.jdbc.sql("UPDATE notification SET read_at = :now WHERE user_id = :user AND read_at IS NULL")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("user", viewer.userId())
			.update();
	}

	/** The reader's locale (their profile's, else the program's): a notice's notation. */
	private java.util.Locale reader() {
		return com.trellis.shared.Reading.locale(this.calendar.locale());
	}

}
