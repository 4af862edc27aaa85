package com.trellis.notify;

import java.util.List;

import com.trellis.identity.Viewer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Notifications", description = "A staff member's own notices and where they go")
class StaffNoticeApiController {

	private final StaffNotices notices;

	private final NoticePreferences preferences;

	StaffNoticeApiController(StaffNotices notices, NoticePreferences preferences) {
		this.notices = notices;
		this.preferences = preferences;
	}

	@GetMapping("/notifications")
	@Operation(summary = "The signed-in staff member's notices, newest first (at most 200)")
	List<Notification> inbox(Viewer viewer) {
		if (viewer.isPartnerUser()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"A partner user reads their partner's notices at /api/v1/partners/" + viewer.partnerId()
							+ "/notifications");
		}
		return this.notices.inbox(viewer, 200);
	}

	@PostMapping("/notifications/read")
	@Operation(summary = "Marks all of the signed-in staff member's notices read")
	Unread markRead(Viewer viewer) {
		this.notices.markAllRead(viewer);
		return new Unread(this.notices.unread(viewer));
	}

	@GetMapping("/notice-preferences")
	@PreAuthorize("!hasRole('PARTNER')")
	NoticePreferences.Preferences preferences(Viewer viewer) {
		return this.preferences.of(viewer);
	}

	@PutMapping("/notice-preferences")
	@PreAuthorize("!hasRole('PARTNER')")
	@Operation(summary = "Replaces which kinds of notice also come by e-mail and Slack",
			description = "A kind not listed keeps both channels off; kinds is required ([] turns every channel off), each kind "
					+ "listed once; slackWebhookUrl empty clears it, " + "otherwise a Slack incoming webhook URL.")
	NoticePreferences.Preferences change(Viewer viewer, @RequestBody NoticePreferences.Preferences preferences) {
		return this.preferences.change(viewer, preferences);
	}

	record Unread(long unread) {
	}

}
