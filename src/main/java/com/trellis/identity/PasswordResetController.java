package com.trellis.identity;

import java.util.Map;

import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password?": asking for a link (answered the same for every e-mail), and setting
 * a new password through it. Dead links get a page that says why.
 */
@Controller
class PasswordResetController {

	private static final int MAX_EMAIL = 254;

	private final PasswordResets resets;

	PasswordResetController(PasswordResets resets) {
		this.resets = resets;
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String request(@RequestParam(required = false) String email, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		var problem = emailProblem(email);
		if (problem != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fieldErrors", Map.of("email", problem));
			model.addAttribute("email", email);
			return "identity/forgot";
		}
		this.resets.request(email, request.getRemoteAddr());
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset/{token}")
	String open(@PathVariable String token, Model model, HttpServletResponse response) {
		var state = this.resets.open(token);
		if (!state.opens()) {
			return LinkPages.refused(state, model, response);
		}
		model.addAttribute("token", token);
		return "identity/reset";
	}

	@PostMapping("/password/reset/{token}")
	String reset(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmPassword, Model model, HttpServletResponse response) {
		try {
			var state = this.resets.reset(token, password, confirmPassword);
			if (!state.opens()) {
				return LinkPages.refused(state, model, response);
			}
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("fieldErrors", FormErrors.of(ex));
			model.addAttribute("token", token);
			return "identity/reset";
		}
		return "redirect:/login?reset";
	}

	private static String emailProblem(String email) {
		if (email == null || email.isBlank()) {
			return "must not be empty";
		}
		if (email.length() > MAX_EMAIL) {
			return "must be at most " + MAX_EMAIL + " characters";
		}
		if (!email.strip().matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+")) {
			return "must be an e-mail address";
		}
		return null;
	}

}
