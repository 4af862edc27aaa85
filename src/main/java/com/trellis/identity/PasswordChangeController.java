package com.trellis.identity;

import java.util.Map;

import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page where a signed-in user sets their own password; a user with a one-time
 * password is sent here before anything else ({@link SessionChecks}).
 */
@Controller
class PasswordChangeController {

	static final String PATH = "/account/password";

	private final PasswordChange change;

	PasswordChangeController(PasswordChange change) {
		this.change = change;
	}

	@GetMapping(PATH)
	String page(Viewer viewer, Model model) {
		return page(viewer, model, Map.of());
	}

	@PostMapping(PATH)
	String change(Viewer viewer, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmation,
			Model model) {
		try {
			this.change.change(viewer, currentPassword, newPassword, confirmation);
			return "redirect:/?passwordChanged";
		}
		catch (InvalidInputException ex) {
			return page(viewer, model, FormErrors.of(ex));
		}
	}

	private String page(Viewer viewer, Model model, Map<String, String> errors) {
		model.addAttribute("mustChange", this.change.mustChange(viewer));
		model.addAttribute("errors", errors);
		model.addAttribute("minLength", NewPasswordRule.MIN_LENGTH);
		return "identity/password";
	}

}
