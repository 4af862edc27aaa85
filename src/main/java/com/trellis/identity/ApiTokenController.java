package com.trellis.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Lets a signed-in user issue a personal API token; the secret is shown once.
 */
@Controller
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/me/tokens")
	String page() {
		return "identity/tokens";
	}

	@PostMapping("/me/tokens")
	String issue(Viewer viewer, @RequestParam(defaultValue = "API token") String name, Model model) {
		var label = name.isBlank() ? "API token" : name.strip();
		model.addAttribute("secret",
				this.tokens.issue(viewer.userId(), label.substring(0, Math.min(60, label.length()))));
		return "identity/tokens";
	}

}
