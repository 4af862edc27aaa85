package com.trellis.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A create page's form sent once. The page puts a fresh token in the form (hidden field
 * {@value #FIELD}, {@link #token()}); the first send that creates its record keeps the
 * token with the page of that record (table {@code form_submission}, V303), in the
 * transaction that created it. The same form sent again (Back and send, a second click, a
 * retry after a timeout, also to another instance) creates nothing and is sent to that
 * page; a send while the first is still running waits for it. A refused send keeps no
 * token, so the form corrected and sent again creates. A form without a readable token (a
 * script's post) creates each time, as before. Tokens are forgotten after
 * {@code trellis.forms.once-kept} (30 days).
 */
@Component
public class FormOnce {

	/** The form field that carries the token. */
	public static final String FIELD = "once";

	/** The notice of a form sent again: nothing was created. */
	public static final String REPEATED = "This form had been sent already; nothing was added again.";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Duration kept;

	FormOnce(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
			@Value("${trellis.forms.once-kept:30d}") Duration kept) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.kept = kept;
	}

	/** A new token for a form about to be shown. */
	public String token() {
		return UUID.randomUUID().toString();
	}

	/**
	 * Runs {@code create} (which answers the created record's page) unless the form with
	 * this token was sent before by this user; either way answers the page to go to. A
	 * token another user sent is refused (409): only a crafted form carries one.
	 */
	public Sent send(String token, long userId, Supplier<String> create) {
		var id = parse(token);
		if (id == null) {
			return new Sent(create.get(), false);
		}
		return this.transaction.execute(status -> {
			boolean first = this.jdbc.sql("""
					INSERT INTO form_submission (token, user_id, sent_at) VALUES (:token, :user, :now)
					ON CONFLICT (token) DO NOTHING""")
				.param("token", id)
				.param("user", userId)
				.param("now", Timestamp.from(this.clock.instant()))
				.update() == 1;
			if (!first) {
				var target = this.jdbc
					.sql("SELECT target FROM form_submission WHERE token = :token AND user_id = :user")
					.param("token", id)
					.param("user", userId)
					.query(String.class)
					.optional()
					.orElseThrow(() -> new ConflictException(FIELD, "this form was sent by someone else"));
				return new Sent(target, true);
			}
			var target = create.get();
			this.jdbc.sql("UPDATE form_submission SET target = :target WHERE token = :token")
				.param("target", target)
				.param("token", id)
				.update();
			return new Sent(target, false);
		});
	}

	/**
	 * As {@link #send} for a form whose page is the same either way: runs {@code create}
	 * unless the form was sent before; true when it ran.
	 */
	public boolean run(String token, long userId, Runnable create) {
		return !send(token, userId, () -> {
			create.run();
			return "";
		}).repeated();
	}

	/** Forgets the tokens kept longer than the setting. */
	@Scheduled(cron = "${trellis.forms.once-cleanup-cron:0 47 * * * *}", zone = "${trellis.business.time-zone:UTC}")
	int forgetOld() {
		return this.jdbc.sql("DELETE FROM form_submission WHERE sent_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(this.kept)))
			.update();
	}

	private static UUID parse(String token) {
		if (token == null || token.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(token);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Where a send goes: the created record's page; {@code repeated} when the form had
	 * been sent before and nothing was created this time.
	 */
	public record Sent(String target, boolean repeated) {

		/** The notice for the page: {@code done}, or that nothing was added again. */
		public String notice(String done) {
			return this.repeated ? REPEATED : done;
		}

	}

}
