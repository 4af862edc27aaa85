package com.trellis.identity;

import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Everyone's own profile: name, e-mail, role (and partner), and the one place where a
 * user changes their own password with the current one. A user holding a one-time
 * password is sent here before anything else ({@link SessionChecks}); the one-time
 * password they just signed in with is their current one.
 */
@Controller
class ProfileController {

	static final String PATH = "/profile";

	static final String PASSWORD_PATH = "/profile/password";

	/**
	 * Where the forced password change lived before; kept so old links and bookmarks
	 * work.
	 */
	static final String OLD_PASSWORD_PATH = "/account/password";

	static final String READING_PATH = "/profile/reading";

	private final Users users;

	private final PartnerAccounts accounts;

	private final Readers readers;

	private final com.trellis.shared.BusinessCalendar calendar;

	ProfileController(Users users, PartnerAccounts accounts, Readers readers,
			com.trellis.shared.BusinessCalendar calendar) {
		this.users = users;
		this.accounts = accounts;
		this.readers = readers;
		this.calendar = calendar;
	}

	@GetMapping(PATH)
	String profile(Viewer viewer, Model model) {
		model.addAttribute("me", this.users.find(viewer.userId()).orElseThrow());
		model.addAttribute("mustChange", this.accounts.mustChangePassword(viewer));
		model.addAttribute("minLength", PasswordRule.MIN_LENGTH);
		if (!model.containsAttribute("reading")) {
			model.addAttribute("reading", this.readers.of(viewer));
		}
		model.addAttribute("locales", ReaderChoice.LOCALES);
		model.addAttribute("zones", ReaderChoice.ZONES);
		model.addAttribute("programLocale", this.calendar.locale().toLanguageTag());
		model.addAttribute("programZone", this.calendar.zone().getId());
		return "identity/profile";
	}

	/** The locale and time zone the user reads numbers and dates in. */
	@PostMapping(READING_PATH)
	String changeReading(Viewer viewer, @RequestParam(required = false) String locale,
			@RequestParam(required = false) String timeZone, RedirectAttributes redirect) {
		var chosen = new ReaderSettings(locale, timeZone);
		try {
			this.readers.change(viewer, chosen);
			redirect.addFlashAttribute("notice", "Reading settings saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
			redirect.addFlashAttribute("reading", chosen);
		}
		return "redirect:" + PATH;
	}

	@PostMapping(PASSWORD_PATH)
	String changePassword(Viewer viewer, @RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String password, @RequestParam(required = false) String confirmPassword,
			jakarta.servlet.http.HttpSession session, RedirectAttributes redirect) {
		try {
			SessionChecks.signedInUnder(session,
					this.accounts.changePassword(viewer, currentPassword, password, confirmPassword));
			redirect.addFlashAttribute("notice", "Password changed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", ex.readable());
			redirect.addFlashAttribute("fieldErrors", FormErrors.of(ex));
		}
		return "redirect:" + PATH;
	}

	@RequestMapping(path = OLD_PASSWORD_PATH, method = { RequestMethod.GET, RequestMethod.POST })
	String oldPasswordPage() {
		return "redirect:" + PATH;
	}

}
