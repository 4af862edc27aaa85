package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own choices: which kinds of notice also come by e-mail and by Slack,
 * and the Slack incoming webhook they come to.
 */
@Service
public class NoticePreferences {

	private final JdbcClient jdbc;

	private final StaffNotices notices;

	private final Clock clock;

	NoticePreferences(JdbcClient jdbc, StaffNotices notices, Clock clock) {
		this.jdbc = jdbc;
		this.notices = notices;
		this.clock = clock;
	}

	/** The signed-in user's choices, one per kind. */
	@Transactional(readOnly = true)
	public Preferences of(Viewer viewer) {
		requireStaff(viewer);
		var stored = this.notices.choices(viewer.userId());
		var kinds = new ArrayList<KindChoice>();
		for (var kind : StaffNoticeKind.values()) {
			var choice = stored.getOrDefault(kind, Map.of());
			kinds.add(new KindChoice(kind, choice.getOrDefault("EMAIL", true), choice.getOrDefault("SLACK", true)));
		}
		return new Preferences(kinds, this.notices.slackWebhook(viewer.userId()));
	}

	/**
	 * Replaces the signed-in user's choices; a kind not named keeps both channels off. An
	 * empty Slack URL clears it; any other must be a Slack incoming webhook.
	 */
	@Transactional
	public Preferences change(Viewer viewer, Preferences preferences) {
		requireStaff(viewer);
		var url = preferences.slackWebhookUrl();
		if (url != null && !url.isBlank()) {
			var decision = SlackWebhookRule.check(url);
			if (!decision.allowed()) {
				throw InvalidInputException.of("slackWebhookUrl", decision.reason());
			}
		}
		this.jdbc.sql("DELETE FROM notice_preference WHERE user_id = :user").param("user", viewer.userId()).update();
		var kinds = preferences.kinds() == null ? List.<KindChoice>of() : preferences.kinds();
		for (var kind : StaffNoticeKind.values()) {
			var choice = kinds.stream()
				.filter(k -> k.kind() == kind)
				.findFirst()
				.orElse(new KindChoice(kind, false, false));
			store(viewer.userId(), kind, "EMAIL", choice.email());
			store(viewer.userId(), kind, "SLACK", choice.slack());
		}
		if (url == null || url.isBlank()) {
			this.jdbc.sql("DELETE FROM user_channel WHERE user_id = :user").param("user", viewer.userId()).update();
		}
		else {
			this.jdbc.sql("""
					INSERT INTO user_channel (user_id, slack_webhook_url, updated_at) VALUES (:user, :url, :now)
					ON CONFLICT (user_id) DO UPDATE SET slack_webhook_url = :url, updated_at = :now
					""")
				.param("user", viewer.userId())
				.param("url", url.strip())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
		return of(viewer);
	}

	private void store(long userId, StaffNoticeKind kind, String channel, boolean enabled) {
		this.jdbc.sql("INSERT INTO notice_preference (user_id, kind, channel, enabled) VALUES (:u, :k, :c, :e)")
			.param("u", userId)
			.param("k", kind.name())
			.param("c", channel)
			.param("e", enabled)
			.update();
	}

	private static void requireStaff(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Notice preferences are for the vendor's staff");
		}
	}

	/** Whether notices of one kind also come by e-mail and by Slack. */
	public record KindChoice(StaffNoticeKind kind, boolean email, boolean slack) {
	}

	public record Preferences(List<KindChoice> kinds, String slackWebhookUrl) {
	}

}
