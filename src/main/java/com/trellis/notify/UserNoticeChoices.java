package com.trellis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.trellis.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One user's stored notice choices, staff and partner users alike: per kind and channel
 * whether it is on (a missing choice means on), and the user's own Slack incoming
 * webhook. Callers check who may read or change them.
 */
@Component
class UserNoticeChoices {

	private final JdbcClient jdbc;

	private final Clock clock;

	UserNoticeChoices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The user's choices by kind name and channel. */
	Map<String, Map<String, Boolean>> of(long userId) {
		var choices = new HashMap<String, Map<String, Boolean>>();
		this.jdbc.sql("SELECT kind, channel, enabled FROM notice_preference WHERE user_id = :user")
			.param("user", userId)
			.query(rs -> {
				choices.computeIfAbsent(rs.getString("kind"), k -> new HashMap<>())
					.put(rs.getString("channel"), rs.getBoolean("enabled"));
			});
		return choices;
	}

	/**
	 * The stored choices and own Slack webhooks of several users, and a partner's Slack
	 * channel, in one statement: what notices to those users and that partner go by.
	 * @param partnerId whose channel is read; null for none
	 */
	Stored ofUsers(java.util.Collection<Long> userIds, Long partnerId) {
		var users = new HashMap<Long, UserChoices>();
		var partnerSlack = new String[1];
		this.jdbc.sql("""
				SELECT pc.slack_webhook_url AS partner_slack, u.id AS user_id, uc.slack_webhook_url AS user_slack,
				       p.kind, p.channel, p.enabled
				FROM (SELECT 1) AS one
				LEFT JOIN partner_channel pc ON pc.partner_id = CAST(:partner AS BIGINT)
				LEFT JOIN unnest(CAST(:users AS BIGINT[])) AS u(id) ON TRUE
				LEFT JOIN user_channel uc ON uc.user_id = u.id
				LEFT JOIN notice_preference p ON p.user_id = u.id
				""").param("partner", partnerId).param("users", userIds.toArray(Long[]::new)).query(rs -> {
			partnerSlack[0] = rs.getString("partner_slack");
			long user = rs.getLong("user_id");
			if (rs.wasNull()) {
				return;
			}
			var slack = rs.getString("user_slack");
			var choices = users.computeIfAbsent(user, u -> new UserChoices(new HashMap<>(), slack));
			var kind = rs.getString("kind");
			if (kind != null) {
				choices.byKind()
					.computeIfAbsent(kind, k -> new HashMap<>())
					.put(rs.getString("channel"), rs.getBoolean("enabled"));
			}
		});
		return new Stored(users, partnerSlack[0]);
	}

	/**
	 * One user's choices by kind name and channel, and their own Slack webhook or null.
	 */
	record UserChoices(Map<String, Map<String, Boolean>> byKind, String slackWebhook) {

		static final UserChoices NONE = new UserChoices(Map.of(), null);

		/** The choices for one kind by channel; empty when none is stored. */
		Map<String, Boolean> of(String kind) {
			return this.byKind.getOrDefault(kind, Map.of());
		}

	}

	/** Several users' choices by user id, and a partner's Slack channel or null. */
	record Stored(Map<Long, UserChoices> users, String partnerSlack) {

		UserChoices of(long userId) {
			return this.users.getOrDefault(userId, UserChoices.NONE);
		}

	}

	/** The user's choices for one kind by channel; empty when none is stored. */
	Map<String, Boolean> of(long userId, String kind) {
		return of(userId).getOrDefault(kind, Map.of());
	}

	/**
	 * Replaces all of the user's choices and their Slack webhook (blank clears it; any
	 * other must be a Slack incoming webhook, else nothing changes).
	 * @param choices per kind name: whether e-mail and Slack are on
	 */
	void replace(long userId, Map<String, boolean[]> choices, String slackWebhookUrl) {
		if (slackWebhookUrl != null && !slackWebhookUrl.isBlank()) {
			var decision = SlackWebhookRule.check(slackWebhookUrl);
			if (!decision.allowed()) {
				throw InvalidInputException.of("slackWebhookUrl", decision.reason());
			}
		}
		this.jdbc.sql("DELETE FROM notice_preference WHERE user_id = :user").param("user", userId).update();
		choices.forEach((kind, channels) -> {
			store(userId, kind, "EMAIL", channels[0]);
			store(userId, kind, "SLACK", channels[1]);
		});
		if (slackWebhookUrl == null || slackWebhookUrl.isBlank()) {
			this.jdbc.sql("DELETE FROM user_channel WHERE user_id = :user").param("user", userId).update();
			return;
		}
		this.jdbc.sql("""
				INSERT INTO user_channel (user_id, slack_webhook_url, updated_at) VALUES (:user, :url, :now)
				ON CONFLICT (user_id) DO UPDATE SET slack_webhook_url = :url, updated_at = :now
				""")
			.param("user", userId)
			.param("url", slackWebhookUrl.strip())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Builds one kind's choice (e-mail on, Slack on) as the caller's record. */
	interface ChoiceOf<K, C> {

		C of(K kind, boolean email, boolean slack);

	}

	/** The user's choice for every kind, in the kinds' order (a missing choice is on). */
	<K extends Enum<K>, C> List<C> choicesOf(long userId, K[] kinds, ChoiceOf<K, C> choice) {
		var stored = of(userId);
		var result = new ArrayList<C>();
		for (var kind : kinds) {
			var channels = stored.getOrDefault(kind.name(), Map.of());
			result.add(choice.of(kind, channels.getOrDefault("EMAIL", true), channels.getOrDefault("SLACK", true)));
		}
		return result;
	}

	/**
	 * Replaces the user's choices for every kind: a kind the caller did not name
	 * ({@code chosen} answers null) has both channels off.
	 * @param chosen a kind's e-mail and Slack choice, or null
	 */
	<K extends Enum<K>> void replaceAll(long userId, K[] kinds, Function<K, boolean[]> chosen, String slackWebhookUrl) {
		var stored = new LinkedHashMap<String, boolean[]>();
		for (var kind : kinds) {
			var channels = chosen.apply(kind);
			stored.put(kind.name(), channels == null ? new boolean[] { false, false } : channels);
		}
		replace(userId, stored, slackWebhookUrl);
	}

	/** The user's own Slack incoming webhook, or null. */
	String slackWebhook(long userId) {
		return this.jdbc.sql("SELECT slack_webhook_url FROM user_channel WHERE user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void store(long userId, String kind, String channel, boolean enabled) {
		this.jdbc.sql("INSERT INTO notice_preference (user_id, kind, channel, enabled) VALUES (:u, :k, :c, :e)")
			.param("u", userId)
			.param("k", kind)
			.param("c", channel)
			.param("e", enabled)
			.update();
	}

}
