package com.trellis.notify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox: a partner's notices for its users (vendor staff open a partner's inbox by
 * id), and a staff member's own notices, marked read once shown. Each user's notice
 * preferences (staff and partner users alike) are part of their profile page.
 */
@Controller
class NotificationPageController {

	private final Notifications notifications;

	private final StaffNotices staff;

	private final NoticePreferences preferences;

	private final PartnerNoticePreferences partnerPreferences;

	private final com.trellis.partners.Partners partners;

	NotificationPageController(Notifications notifications, StaffNotices staff, NoticePreferences preferences,
			PartnerNoticePreferences partnerPreferences, com.trellis.partners.Partners partners) {
		this.notifications = notifications;
		this.partners = partners;
		this.partnerPreferences = partnerPreferences;
		this.staff = staff;
		this.preferences = preferences;
	}

	@GetMapping("/notifications")
	String inbox(Viewer viewer, @RequestParam(required = false) Long partnerId, Model model) {
		if (!viewer.isPartnerUser() && partnerId == null) {
			model.addAttribute("notices", this.staff.inbox(viewer, 100));
			model.addAttribute("own", true);
			this.staff.markAllRead(viewer);
			return "notify/inbox";
		}
		long partner = viewer.isPartnerUser() ? viewer.ownPartner(partnerId) : partnerId;
		// a partner the viewer may see, as the API's list (try30: the page showed an
		// unknown partner's inbox as empty)
		this.partners.get(viewer, partner);
		var notices = this.notifications.inbox(viewer, partner, 100);
		model.addAttribute("notices", notices);
		// shown as new this once, then read for the partner's users; the vendor's staff
		// opening the partner's inbox leave it as it is
		this.notifications.markRead(viewer, partner,
				notices.stream().filter(Notification::unread).map(Notification::id).toList());
		return "notify/inbox";
	}

	/**
	 * The preferences section of the profile page (loaded into it), or a page of its own:
	 * a staff member's kinds of notice, or a partner user's.
	 */
	@GetMapping("/notifications/preferences")
	String preferences(Viewer viewer, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		show(viewer, model);
		return htmx != null ? "notify/preferences :: form" : "notify/preferences";
	}

	/**
	 * Saves the choices: {@code email} and {@code slack} name the kinds kept on for each
	 * channel.
	 */
	@PostMapping("/notifications/preferences")
	String change(Viewer viewer, @RequestParam(required = false) List<String> email,
			@RequestParam(required = false) List<String> slack, @RequestParam(required = false) String slackWebhookUrl,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		// every bad field is named at once, and the page shows what was typed
		var errors = new ArrayList<InvalidInputException.FieldError>();
		if (slackWebhookUrl != null && !slackWebhookUrl.isBlank()) {
			var decision = SlackWebhookRule.check(slackWebhookUrl);
			if (!decision.allowed()) {
				errors.add(new InvalidInputException.FieldError("slackWebhookUrl", decision.reason()));
			}
		}
		Object typed;
		Runnable save;
		if (viewer.isPartnerUser()) {
			var emailKinds = kinds(PartnerNoticeKind.class, "email", email, errors);
			var slackKinds = kinds(PartnerNoticeKind.class, "slack", slack, errors);
			var choices = new ArrayList<PartnerNoticePreferences.KindChoice>();
			for (var kind : PartnerNoticeKind.values()) {
				choices.add(new PartnerNoticePreferences.KindChoice(kind, emailKinds.contains(kind),
						slackKinds.contains(kind)));
			}
			var preferences = new PartnerNoticePreferences.Preferences(choices, slackWebhookUrl);
			typed = preferences;
			save = () -> this.partnerPreferences.change(viewer, preferences);
		}
		else {
			var emailKinds = kinds(StaffNoticeKind.class, "email", email, errors);
			var slackKinds = kinds(StaffNoticeKind.class, "slack", slack, errors);
			var choices = new ArrayList<NoticePreferences.KindChoice>();
			for (var kind : StaffNoticeKind.values()) {
				choices
					.add(new NoticePreferences.KindChoice(kind, emailKinds.contains(kind), slackKinds.contains(kind)));
			}
			var preferences = new NoticePreferences.Preferences(choices, slackWebhookUrl);
			typed = preferences;
			save = () -> this.preferences.change(viewer, preferences);
		}
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			save.run();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			show(viewer, model);
			model.addAttribute("preferences", typed);
			model.addAttribute("fieldErrors", FormErrors.of(ex));
			return "notify/preferences";
		}
		redirect.addFlashAttribute("notice", "Notice preferences saved.");
		return "redirect:/profile";
	}

	private void show(Viewer viewer, Model model) {
		if (viewer.isPartnerUser()) {
			model.addAttribute("preferences", this.partnerPreferences.of(viewer));
			model.addAttribute("kindLabels", "notices.partnerKind.");
		}
		else {
			model.addAttribute("preferences", this.preferences.of(viewer));
			model.addAttribute("kindLabels", "notices.kind.");
		}
	}

	/** The kinds named; an unknown name is added to {@code errors} (once per field). */
	private static <K extends Enum<K>> Set<K> kinds(Class<K> type, String field, List<String> names,
			List<InvalidInputException.FieldError> errors) {
		var kinds = EnumSet.noneOf(type);
		var unknown = new ArrayList<String>();
		for (var name : names == null ? List.<String>of() : names) {
			try {
				kinds.add(Enum.valueOf(type, name));
			}
			catch (IllegalArgumentException ex) {
				unknown.add(name);
			}
		}
		if (!unknown.isEmpty()) {
			errors.add(new InvalidInputException.FieldError(field,
					"unknown kind of notice: " + String.join(", ", unknown)));
		}
		return kinds;
	}

}
