package com.trellis.notify;

import java.sql.Timestamp;
import java.util.Optional;

import com.trellis.shared.SqlPipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one inbox entry and its deliveries for partner notices ({@link Notifications})
 * and staff notices ({@link StaffNotices}) alike. The entry's key is unique, so a
 * redelivered event writes nothing; each delivery is written under a savepoint, so one
 * that cannot be written is logged and left out without taking the inbox entry (or the
 * event publication) with it. The {@link NotificationDispatcher} sends what is written
 * here.
 */
@Component
class InboxWriter {

	private static final Logger log = LoggerFactory.getLogger(InboxWriter.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate nested;

	InboxWriter(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.nested = new TransactionTemplate(transactionManager);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * The inbox entry of a partner ({@code partnerId}) or a member of staff
	 * ({@code userId}); empty when an entry with this key exists already.
	 */
	Optional<Long> entry(String key, Long partnerId, Long userId, String kind, String subject, String body, String link,
			Timestamp now) {
		return this.jdbc.sql(ENTRY + " RETURNING id")
			.params(entryParams(key, partnerId, userId, kind, subject, body, link, now))
			.query(Long.class)
			.optional();
	}

	/**
	 * As {@link #entry(String, Long, Long, String, String, String, String, Timestamp)},
	 * added to the caller's pipeline, for a notice without deliveries (they would need
	 * the entry's id, and each its savepoint).
	 */
	void entry(SqlPipeline pipeline, String key, Long partnerId, Long userId, String kind, String subject, String body,
			String link, Timestamp now) {
		pipeline.update(ENTRY, entryParams(key, partnerId, userId, kind, subject, body, link, now));
	}

	private static final String ENTRY = """
			INSERT INTO notification (notice_key, partner_id, user_id, kind, subject, body, link, created_at)
			VALUES (:key, :partner, :user, :kind, :subject, :body, :link, :now)
			ON CONFLICT (notice_key) DO NOTHING""";

	private static java.util.Map<String, Object> entryParams(String key, Long partnerId, Long userId, String kind,
			String subject, String body, String link, Timestamp now) {
		var params = new java.util.HashMap<String, Object>();
		params.put("key", key);
		params.put("partner", partnerId);
		params.put("user", userId);
		params.put("kind", kind);
		params.put("subject", subject);
		params.put("body", body);
		params.put("link", link);
		params.put("now", now);
		return params;
	}

	/**
	 * One pending delivery of entry {@code notificationId} on a channel to a recipient.
	 */
	void delivery(String key, long notificationId, String channel, String recipient, Timestamp now) {
		try {
			this.nested.executeWithoutResult(status -> this.jdbc.sql("""
					INSERT INTO notification_delivery (notification_id, channel, recipient, status, next_attempt_at)
					VALUES (:id, :channel, :recipient, 'PENDING', :now) ON CONFLICT DO NOTHING
					""")
				.param("id", notificationId)
				.param("channel", channel)
				.param("recipient", recipient)
				.param("now", now)
				.update());
		}
		catch (DataAccessException ex) {
			log.error("Notice {} reached the inbox, but its {} delivery could not be written: {}", key, channel,
					ex.getMostSpecificCause().getMessage());
		}
	}

}
