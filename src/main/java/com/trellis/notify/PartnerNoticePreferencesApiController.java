package com.trellis.notify;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner user's own notice preferences; nobody else's can be named. */
@RestController
@RequestMapping("/api/v1/me/partner-notice-preferences")
@Tag(name = "Notifications")
@PreAuthorize("hasRole('PARTNER')")
class PartnerNoticePreferencesApiController {

	private final PartnerNoticePreferences preferences;

	PartnerNoticePreferencesApiController(PartnerNoticePreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	@Operation(summary = "Which kinds of partner notice also come to the signed-in partner user by e-mail and Slack")
	PartnerNoticePreferences.Preferences preferences(Viewer viewer) {
		return this.preferences.of(viewer);
	}

	@PutMapping
	@Operation(summary = "Replaces which kinds of partner notice also come to the signed-in partner user",
			description = "A kind not listed keeps both channels off; kinds is required ([] turns every channel off), "
					+ "each kind listed once; slackWebhookUrl empty clears it, "
					+ "otherwise a Slack incoming webhook URL. Every notice stays in the partner's inbox.")
	PartnerNoticePreferences.Preferences change(Viewer viewer,
			@RequestBody PartnerNoticePreferences.Preferences preferences) {
		return this.preferences.change(viewer, preferences);
	}

}
