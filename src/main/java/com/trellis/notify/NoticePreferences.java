package com.trellis.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		var stored = this.choices.of(viewer.userId());
		var kinds = new ArrayList<KindChoice>();
		for (var kind : StaffNoticeKind.values()) {
			var choice = stored.getOrDefault(kind.name(), Map.of());
			kinds.add(new KindChoice(kind, choice.getOrDefault("EMAIL", true), choice.getOrDefault("SLACK", true)));
		}
		return new Preferences(kinds, this.choices.slackWebhook(viewer.userId()));
	}

	/**
	 * Replaces the signed-in user's choices; a kind not named keeps both channels off. An
	 * empty Slack URL clears it; any other must be a Slack incoming webhook.
	 */
	@Transactional
	public Preferences change(Viewer viewer, Preferences preferences) {
		requireStaff(viewer);
		var kinds = preferences.kinds() == null ? List.<KindChoice>of() : preferences.kinds();
		var stored = new LinkedHashMap<String, boolean[]>();
		for (var kind : StaffNoticeKind.values()) {
			var choice = kinds.stream()
				.filter(k -> k.kind() == kind)
				.findFirst()
				.orElse(new KindChoice(kind, false, false));
			stored.put(kind.name(), new boolean[] { choice.email(), choice.slack() });
		}
		this.choices.replace(viewer.userId(), stored, preferences.slackWebhookUrl());
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

	public record Preferences(List<KindChoice> kinds, String slackWebhookUrl) {
	}

}
