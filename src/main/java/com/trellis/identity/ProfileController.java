package com.trellis.identity;

import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own profile: name, e-mail, role (and partner), and changing the password
 * with the current one.
 */
@Controller
class ProfileController {

	private final Users users;

	private final PartnerAccounts accounts;

	ProfileController(Users users, PartnerAccounts accounts) {
		this.users = users;
		this.accounts = accounts;
	}

	@GetMapping("/profile")
	String profile(Viewer viewer, Model model) {
		model.addAttribute("me", this.users.find(viewer.userId()).orElseThrow());
		return "identity/profile";
	}

	@PostMapping("/profile/password")
	String changePassword(Viewer viewer, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmPassword,
			RedirectAttributes redirect) {
		try {
			this.accounts.changePassword(viewer, currentPassword, password, confirmPassword);
			redirect.addFlashAttribute("notice", "Password changed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
		}
		return "redirect:/profile";
	}

}
