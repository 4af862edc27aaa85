package com.trellis.guidance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormAction;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guidance page: the person's recommendations with their reason and action, what they
 * did with earlier ones, and (for admins, executives and PAMs) how useful each kind is.
 * The forms also answer from the home pages, which they return to.
 */
@Controller
class GuidancePageController {

	private final Guidance guidance;

	GuidancePageController(Guidance guidance) {
		this.guidance = guidance;
	}

	@GetMapping("/guidance")
	String page(Viewer viewer, Model model) {
		model.addAttribute("recommendations", this.guidance.current(viewer));
		model.addAttribute("handled", this.guidance.handled(viewer));
		if (viewer.is(Role.ADMIN, Role.EXECUTIVE, Role.PAM)) {
			model.addAttribute("usefulness", this.guidance.usefulness(viewer));
			model.addAttribute("usefulnessAsOf", this.guidance.usefulnessAsOf());
		}
		model.addAttribute("icpPage", viewer.is(Role.ADMIN));
		return "guidance/index";
	}

	@PostMapping("/guidance/{id}/accept")
	@ActsOn(GuidanceChecks.class)
	String accept(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FormAction.run(redirect, back(back), "Accepted", () -> this.guidance.accept(viewer, id));
	}

	@PostMapping("/guidance/{id}/dismiss")
	@ActsOn(GuidanceChecks.class)
	String dismiss(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return FormAction.run(redirect, back(back), "Dismissed", () -> this.guidance.dismiss(viewer, id, reason));
	}

	@PostMapping("/guidance/{id}/snooze")
	@ActsOn(GuidanceChecks.class)
	String snooze(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String until,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return FormAction.run(redirect, back(back), "Snoozed", () -> this.guidance.snooze(viewer, id, day(until)));
	}

	/** Back to the home page the form was on, else this page; never elsewhere. */
	private static String back(String back) {
		return "/".equals(back) || "/portal".equals(back) ? back : "/guidance";
	}

	private static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidInputException.of("until", "must be a date like 2026-12-31");
		}
	}

}
