package com.trellis.notify;

import java.util.List;

import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner user's own choices: which kinds of partner notice ({@link PartnerNoticeKind})
 * also come to them by e-mail and by Slack, and their own Slack incoming webhook. Every
 * notice stays in the partner's inbox; with no choice stored each kind comes by e-mail,
 * as it always did. Only the signed-in partner user reads or changes their own.
 */
@Service
public class PartnerNoticePreferences {

	private final UserNoticeChoices choices;

	PartnerNoticePreferences(UserNoticeChoices choices) {
		this.choices = choices;
	}

	/** The signed-in partner user's choices, one per kind. */
	@Transactional(readOnly = true)
	public Preferences of(Viewer viewer) {
		requirePartnerUser(viewer);
		var kinds = this.choices.choicesOf(viewer.userId(), PartnerNoticeKind.values(), KindChoice::new);
		return new Preferences(kinds, this.choices.slackWebhook(viewer.userId()));
	}

	/**
	 * Replaces the signed-in partner user's choices; a kind not named keeps both channels
	 * off. An empty Slack URL clears it; any other must be a Slack incoming webhook.
	 */
	@Transactional
	public Preferences change(Viewer viewer, Preferences preferences) {
		requirePartnerUser(viewer);
		NoticeChoiceList.check(preferences.kinds(), KindChoice::kind, preferences.slackWebhookUrl());
		var kinds = preferences.kinds();
		this.choices.replaceAll(viewer.userId(), PartnerNoticeKind.values(),
				kind -> kinds.stream()
					.filter(k -> k.kind() == kind)
					.findFirst()
					.map(k -> new boolean[] { k.email(), k.slack() })
					.orElse(null),
				preferences.slackWebhookUrl());
		return of(viewer);
	}

	private static void requirePartnerUser(Viewer viewer) {
		if (!viewer.isPartnerUser()) {
			throw new AccessDeniedException("These notice preferences are for partner users");
		}
	}

	/** Whether partner notices of one kind also come by e-mail and by Slack. */
	public record KindChoice(PartnerNoticeKind kind, boolean email, boolean slack) {
	}

	/** Every kind's choice, each kind once (a missing list or kind is refused). */
	public record Preferences(@io.swagger.v3.oas.annotations.media.Schema(
			requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) List<KindChoice> kinds,
			String slackWebhookUrl) {
	}

}
