package com.trellis.identity;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's API tokens: issue one with a name and an optional expiry (the
 * secret is shown once), see them all, revoke one.
 */
@Controller
class ApiTokenController {

	private final ApiTokens tokens;

	/** Moments on the page, as days and times in the business time zone. */
	private final DateTimeFormatter moments;

	ApiTokenController(ApiTokens tokens, BusinessCalendar calendar) {
		this.tokens = tokens;
		this.moments = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
	}

	@GetMapping("/me/tokens")
	String page(Viewer viewer, Model model) {
		return page(viewer, model, Map.of());
	}

	@PostMapping("/me/tokens")
	String issue(Viewer viewer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String expiresInDays, @RequestParam(required = false) String expiresOn,
			Model model) {
		var request = new TokenRequest(name, expiresInDays, expiresOn);
		try {
			model.addAttribute("secret", this.tokens.issue(viewer, request).secret());
			return page(viewer, model, Map.of());
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach(error -> errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b));
			model.addAttribute("form", request);
			return page(viewer, model, errors);
		}
	}

	@PostMapping("/me/tokens/{id}/revoke")
	@ActsOn(TokenChecks.Visible.class)
	String revoke(Viewer viewer, @PathVariable long id) {
		this.tokens.revoke(viewer, id);
		return "redirect:/me/tokens";
	}

	private String page(Viewer viewer, Model model, Map<String, String> errors) {
		model.addAttribute("tokens", this.tokens.list(viewer, null));
		model.addAttribute("errors", errors);
		model.addAttribute("moments", this.moments);
		model.addAttribute("expiry", new Expiry(this.moments));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TokenRequest("", "", ""));
		}
		return "identity/tokens";
	}

	/**
	 * A token's expiry as the page shows it: a token given a last valid day ends at the
	 * start of the next day in the business zone, shown as "2026-12-09, end of day" (the
	 * day the user typed, try72: "2026-12-10 00:00" read as a day too late); any other
	 * moment as it is.
	 */
	public record Expiry(DateTimeFormatter moments) {

		public String of(java.time.Instant expiresAt) {
			var local = expiresAt.atZone(this.moments.getZone());
			if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
				return local.toLocalDate().minusDays(1) + ", end of day";
			}
			return this.moments.format(expiresAt);
		}

	}

}
