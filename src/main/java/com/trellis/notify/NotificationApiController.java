package com.trellis.notify;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners/{partnerId}")
@Tag(name = "Notifications", description = "A partner's inbox and where its notices go")
class NotificationApiController {

	private final Notifications notifications;

	private final Partners partners;

	private final PartnerSlackChannel slack;

	NotificationApiController(Notifications notifications, Partners partners, PartnerSlackChannel slack) {
		this.notifications = notifications;
		this.partners = partners;
		this.slack = slack;
	}

	@GetMapping("/notifications")
	@Operation(summary = "The partner's notices, newest first (at most 200)",
			description = "The partner's users, its PAM and the vendor's staff who see the partner. Each notice's "
					+ "unread tells whether a user of the partner has read it yet, as it was before this call: "
					+ "listing marks nothing read. A notice is read for all the partner's users once one of them "
					+ "opens the inbox page or calls POST .../notifications/{notificationId}/read.")
	List<Notification> inbox(Viewer viewer, @PathVariable long partnerId) {
		this.partners.get(viewer, partnerId);
		return this.notifications.inbox(viewer, partnerId, 200);
	}

	@PostMapping("/notifications/{notificationId}/read")
	@org.springframework.security.access.prepost.PreAuthorize("hasRole('PARTNER')")
	@Operation(summary = "Mark one of the partner's notices read, for all the partner's users",
			description = "A user of the partner only (403 for the vendor's staff, who read a partner's notices "
					+ "without marking them; 404 for another partner's user or a notice not the partner's). "
					+ "Answers the notice, unread false; marking a read notice again changes nothing.")
	Notification markRead(Viewer viewer, @PathVariable long partnerId, @PathVariable long notificationId) {
		this.partners.get(viewer, partnerId);
		this.notifications.markRead(viewer, partnerId, List.of(notificationId));
		return this.notifications.notice(viewer, partnerId, notificationId)
			.orElseThrow(() -> new NotFoundException("Notification", notificationId));
	}

	@PutMapping("/slack-webhook")
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'PARTNER')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set or clear the Slack incoming webhook the partner's notices are posted to",
			description = "The partner's PAM or a program admin. Only a Slack incoming webhook URL "
					+ "(https://hooks.slack.com/services/…, at most 500 characters) is accepted; an empty url clears it.")
	@ActsOn(value = PartnerChecks.Managed.class, key = "partnerId")
	void slackWebhook(Viewer viewer, @PathVariable long partnerId, @RequestBody Webhook webhook) {
		this.slack.set(viewer, partnerId, webhook.url());
	}

	record Webhook(String url) {
	}

}
