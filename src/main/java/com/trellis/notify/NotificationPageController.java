package com.trellis.notify;

import com.trellis.identity.Viewer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's inbox: every outcome sent to it. Vendor staff open a partner's inbox by id.
 */
@Controller
class NotificationPageController {

	private final Notifications notifications;

	NotificationPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String inbox(Viewer viewer, @RequestParam(required = false) Long partnerId, Model model) {
		long partner = viewer.isPartnerUser() ? viewer.partnerId() : partnerId == null ? -1 : partnerId;
		model.addAttribute("notices", this.notifications.inbox(viewer, partner, 100));
		return "notify/inbox";
	}

}
