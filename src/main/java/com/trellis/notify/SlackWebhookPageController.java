package com.trellis.notify;

import java.util.Map;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page where a partner's PAM or a program admin sets or clears the Slack incoming
 * webhook its notices go to, with the API's check of the address.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
class SlackWebhookPageController {

	private final PartnerSlackChannel slack;

	private final Partners partners;

	SlackWebhookPageController(PartnerSlackChannel slack, Partners partners) {
		this.slack = slack;
		this.partners = partners;
	}

	@GetMapping("/partners/{partnerId}/slack")
	@ActsOn(value = PartnerChecks.Managed.class, key = "partnerId")
	String page(Viewer viewer, @PathVariable long partnerId, Model model) {
		return page(viewer, partnerId, model, "", Map.of());
	}

	@PostMapping("/partners/{partnerId}/slack")
	@ActsOn(value = PartnerChecks.Managed.class, key = "partnerId")
	String save(Viewer viewer, @PathVariable long partnerId, @RequestParam(required = false) String url, Model model,
			RedirectAttributes redirect) {
		try {
			this.slack.set(viewer, partnerId, url);
			redirect.addFlashAttribute("notice",
					(url == null || url.isBlank()) ? "Slack webhook cleared" : "Slack webhook saved");
			return "redirect:/partners/" + partnerId + "/slack";
		}
		catch (InvalidInputException ex) {
			return page(viewer, partnerId, model, url, FormErrors.of(ex));
		}
	}

	private String page(Viewer viewer, long partnerId, Model model, String url, Map<String, String> errors) {
		model.addAttribute("partner", this.partners.get(viewer, partnerId));
		model.addAttribute("current",
				this.slack.of(viewer, partnerId).map(PartnerSlackChannel::shortened).orElse(null));
		model.addAttribute("url", url);
		model.addAttribute("errors", errors);
		return "notify/slack";
	}

}
