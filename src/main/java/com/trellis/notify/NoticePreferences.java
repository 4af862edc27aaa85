package com.trellis.notify;

import java.util.List;

import com.trellis.identity.Viewer;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own choices: which kinds of notice also come by e-mail and by Slack,
 * and the Slack incoming webhook they come to.
 */
@Service
public class NoticePreferences {

	private final UserNoticeChoices choices;

	NoticePreferences(UserNoticeChoices choices) {
		this.choices = choices;
	}

	/** The signed-in user's choices, one per kind. */
	@Transactional(readOnly = true)
	public Preferences of(Viewer viewer) {
		requireStaff(viewer);
		var kinds = this.choices.choicesOf(viewer.userId(), StaffNoticeKind.values(), KindChoice::new);
		return new Preferences(kinds, this.choices.slackWebhook(viewer.userId()));
	}

	/**
	 * Replaces the signed-in user's choices; a kind not named keeps both channels off;
	 * the list is required, each kind in it once ({@link NoticeChoiceList}). An empty
	 * Slack URL clears it; any other must be a Slack incoming webhook.
	 */
	@Transactional
	public Preferences change(Viewer viewer, Preferences preferences) {
		requireStaff(viewer);
		NoticeChoiceList.check(preferences.kinds(), KindChoice::kind, preferences.slackWebhookUrl());
		var kinds = preferences.kinds();
		this.choices.replaceAll(viewer.userId(), StaffNoticeKind.values(),
				kind -> kinds.stream()
					.filter(k -> k.kind() == kind)
					.findFirst()
					.map(k -> new boolean[] { k.email(), k.slack() })
					.orElse(null),
				preferences.slackWebhookUrl());
		return of(viewer);
	}

	private static void requireStaff(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new AccessDeniedException("Notice preferences are for the vendor's staff");
		}
	}

	/** Whether notices of one kind also come by e-mail and by Slack. */
	public record KindChoice(StaffNoticeKind kind, boolean email, boolean slack) {
	}

	/** Every kind's choice, each kind once (a missing list or kind is refused). */
	public record Preferences(@io.swagger.v3.oas.annotations.media.Schema(
			requiredMode = io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) List<KindChoice> kinds,
			String slackWebhookUrl) {
	}

}
