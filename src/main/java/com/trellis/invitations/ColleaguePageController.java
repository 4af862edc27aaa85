package com.trellis.invitations;

import java.util.Map;

import com.trellis.identity.LinkMail;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner user's colleagues in the portal: who of their partner uses Trellis, the
 * invitations sent, and a form to invite another colleague (the PAM's invitation flow: a
 * single-use link by e-mail).
 */
@Controller
@PreAuthorize("hasRole('PARTNER')")
class ColleaguePageController {

	private final Invitations invitations;

	private final Users users;

	ColleaguePageController(Invitations invitations, Users users) {
		this.invitations = invitations;
		this.users = users;
	}

	@GetMapping("/portal/colleagues")
	String page(Viewer viewer, Model model) {
		return page(viewer, model, "", "", Map.of());
	}

	@PostMapping("/portal/colleagues")
	String invite(Viewer viewer, @RequestParam(required = false) String name,
			@RequestParam(required = false) String email, Model model, RedirectAttributes redirect) {
		try {
			this.invitations.inviteColleague(viewer, new InviteCommand(name, email));
			redirect.addFlashAttribute("notice", "Invitation sent to " + email.strip());
			return "redirect:/portal/colleagues";
		}
		catch (InvalidInputException ex) {
			return page(viewer, model, name, email, FormErrors.of(ex));
		}
		catch (com.trellis.shared.ConflictException ex) {
			// a sunset partner takes no new users: said on the page, what was typed kept
			model.addAttribute("error", ex.readable());
			return page(viewer, model, name, email, Map.of());
		}
		catch (LinkMail.NotSent ex) {
			// the cause (the mail server's set-up) is the vendor's to fix, and logged
			model.addAttribute("error", "The invitation could not be e-mailed, so none was made; try again later "
					+ "or ask your partner manager");
			return page(viewer, model, name, email, Map.of());
		}
	}

	private String page(Viewer viewer, Model model, String name, String email, Map<String, String> errors) {
		model.addAttribute("colleagues", this.users.ofPartner(viewer, viewer.partnerId()));
		model.addAttribute("invitations", this.invitations.ofOwnPartner(viewer));
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		return "invitations/colleagues";
	}

}
