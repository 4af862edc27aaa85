package com.trellis.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's webhooks page: subscriptions with a form to add one, and per subscription
 * its settings, secret rotation and delivery log. A new secret is shown once, on the page
 * the form redirects to.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhookPageController {

	/** Deliveries a page of the log shows unless the reader asks for another size. */
	static final int DELIVERIES = 20;

	private final Webhooks webhooks;

	WebhookPageController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/admin/webhooks")
	@PreAuthorize("hasRole('ADMIN')")
	String list(Viewer viewer, Model model) {
		return list(viewer, model, Map.of(), "", List.of(), "");
	}

	@PostMapping("/admin/webhooks")
	@PreAuthorize("hasRole('ADMIN')")
	String create(Viewer viewer, @RequestParam(required = false) String url,
			@RequestParam(required = false) String[] eventTypes, @RequestParam(required = false) String description,
			Model model, RedirectAttributes redirect) {
		var types = eventTypes == null ? List.<String>of() : Arrays.asList(eventTypes);
		try {
			var created = this.webhooks.create(viewer, new WebhookCommand(url, types, description, null));
			redirect.addFlashAttribute("secret", created.secret());
			return "redirect:/admin/webhooks/" + created.subscription().id();
		}
		catch (InvalidInputException ex) {
			return list(viewer, model, FormErrors.of(ex), url, types, description);
		}
	}

	@GetMapping("/admin/webhooks/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String detail(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model) {
		return detail(viewer, id, page, size, model, Map.of(), null);
	}

	@PostMapping("/admin/webhooks/{id}")
	@com.trellis.identity.ActsOn(WebhookChecks.class)
	@PreAuthorize("hasRole('ADMIN')")
	String update(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String url,
			@RequestParam(required = false) String[] eventTypes, @RequestParam(required = false) String description,
			@RequestParam(defaultValue = "false") boolean enabled, Model model) {
		this.webhooks.get(viewer, id);
		var types = eventTypes == null ? List.<String>of() : Arrays.asList(eventTypes);
		try {
			this.webhooks.update(viewer, id, new WebhookCommand(url, types, description, enabled));
			return "redirect:/admin/webhooks/" + id;
		}
		catch (InvalidInputException ex) {
			return detail(viewer, id, null, null, model, FormErrors.of(ex),
					new WebhookCommand(url, types, description, enabled));
		}
	}

	@PostMapping("/admin/webhooks/{id}/secret")
	@PreAuthorize("hasRole('ADMIN')")
	String rotate(Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("secret", this.webhooks.rotateSecret(viewer, id).secret());
		return "redirect:/admin/webhooks/" + id;
	}

	@PostMapping("/admin/webhooks/{id}/delete")
	@PreAuthorize("hasRole('ADMIN')")
	String delete(Viewer viewer, @PathVariable long id) {
		this.webhooks.delete(viewer, id);
		return "redirect:/admin/webhooks";
	}

	private String list(Viewer viewer, Model model, Map<String, String> errors, String url, List<String> types,
			String description) {
		model.addAttribute("subscriptions", this.webhooks.list(viewer));
		model.addAttribute("eventTypes", WebhookEventType.wireNames());
		model.addAttribute("errors", errors);
		model.addAttribute("url", url);
		model.addAttribute("chosen", types);
		model.addAttribute("description", description);
		return "webhooks/list";
	}

	/**
	 * The subscription's page with a page of its delivery log: {@value #DELIVERIES} a
	 * page unless {@code size} asks for 1 to {@value PageRequest#MAX_SIZE} (another size
	 * is refused naming it, as on every list page).
	 */
	/**
	 * The subscription's delivery log as CSV, every page, newest first: a row per message
	 * with its last answer, and {@code attempt_log} each attempt as "moment status-code
	 * duration-ms error" (moments in UTC, ISO 8601; "-" where no answer came), attempts
	 * separated by " | ".
	 */
	@com.trellis.shared.ExportSnapshot
	@GetMapping("/admin/webhooks/{id}/deliveries.csv")
	@PreAuthorize("hasRole('ADMIN')")
	void deliveries(Viewer viewer, @PathVariable long id, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		this.webhooks.get(viewer, id);
		com.trellis.shared.CsvExport.write(response, "webhook-" + id + "-deliveries.csv",
				List.of("id", "message_id", "event_type", "status", "attempts", "last_status_code", "last_error",
						"created_at", "next_attempt_at", "delivered_at", "attempt_log"),
				page -> this.webhooks.deliveries(viewer, id, new PageRequest(page, PageRequest.MAX_SIZE)),
				d -> Arrays.asList(d.id(), d.messageId(), d.type(), d.status(), d.attempts(), d.lastStatusCode(),
						d.lastError(), d.createdAt(), d.nextAttemptAt(), d.deliveredAt(),
						String.join(" | ",
								d.log()
									.stream()
									.map(a -> a.at() + " " + (a.statusCode() == null ? "-" : a.statusCode()) + " "
											+ a.durationMs() + "ms" + (a.error() == null ? "" : " " + a.error()))
									.toList())));
	}

	/**
	 * The subscription's page; its edit form shows {@code typed} (a refused edit) or else
	 * the stored fields.
	 */
	private String detail(Viewer viewer, long id, Integer page, Integer size, Model model, Map<String, String> errors,
			WebhookCommand typed) {
		var subscription = this.webhooks.get(viewer, id);
		model.addAttribute("subscription", subscription);
		model.addAttribute("form", typed != null ? typed : new WebhookCommand(subscription.url(),
				subscription.eventTypes(), subscription.description(), subscription.enabled()));
		model.addAttribute("deliveries",
				this.webhooks.deliveries(viewer, id, PageRequest.of(page, size == null ? DELIVERIES : size)));
		model.addAttribute("eventTypes", WebhookEventType.wireNames());
		model.addAttribute("errors", errors);
		return "webhooks/detail";
	}

}
