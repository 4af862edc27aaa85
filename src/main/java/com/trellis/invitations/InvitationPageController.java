package com.trellis.invitations;

import java.util.function.Supplier;

import com.trellis.identity.ActsOn;
import com.trellis.identity.LinkMail;
import com.trellis.identity.LinkPages;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.partners.Partners;
import com.trellis.shared.FormAction;
import com.trellis.shared.validation.Commands;
import com.trellis.shared.FormErrors;
import com.trellis.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The invitations section of a partner's page (for its PAM and admins), and the page the
 * link in the e-mail opens, where the invited person sets a password.
 */
@Controller
class InvitationPageController {

	private final Invitations invitations;

	private final Partners partners;

	private final Commands commands;

	InvitationPageController(Invitations invitations, Partners partners, Commands commands) {
		this.commands = commands;
		this.invitations = invitations;
		this.partners = partners;
	}

	@GetMapping("/partners/{id}/invitations")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String section(Viewer viewer, @PathVariable long id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("partner", this.partners.get(viewer, id));
		model.addAttribute("invitations", this.invitations.ofPartner(viewer, id));
		return htmx != null ? "invitations/section :: section" : "invitations/page";
	}

	@PostMapping("/partners/{id}/invitations")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String invite(Viewer viewer, @PathVariable long id, @Valid @ModelAttribute("inviteForm") InviteCommand command,
			BindingResult binding, RedirectAttributes redirect) {
		var target = mailed(redirect, id,
				() -> FormAction.run(redirect, back(id), "Invitation sent to " + command.email(), "inviteForm", command,
						binding,
						FormErrors.checks(() -> this.commands.check(command),
								() -> this.invitations.checkInvitation(viewer, id, command)),
						() -> this.invitations.invite(viewer, id, command)));
		// refused: the invitations page shows each error beside its field with what was
		// typed (the partner's page loads the section separately, without the flash)
		return redirect.getFlashAttributes().containsKey("fieldErrors") ? "redirect:" + back(id) + "/invitations"
				: target;
	}

	@PostMapping("/partners/{id}/invitations/{invitationId}/resend")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String resend(Viewer viewer, @PathVariable long id, @PathVariable long invitationId, RedirectAttributes redirect) {
		return mailed(redirect, id, () -> FormAction.run(redirect, back(id), "Invitation sent again",
				() -> this.invitations.resend(viewer, id, invitationId)));
	}

	@PostMapping("/partners/{id}/invitations/{invitationId}/revoke")
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
	@ActsOn(PartnerChecks.Managed.class)
	String revoke(Viewer viewer, @PathVariable long id, @PathVariable long invitationId, RedirectAttributes redirect) {
		return FormAction.run(redirect, back(id), "Invitation revoked",
				() -> this.invitations.revoke(viewer, id, invitationId));
	}

	@GetMapping("/join/{token}")
	String join(@PathVariable String token, Model model, HttpServletResponse response) {
		var landing = this.invitations.open(token);
		if (!landing.state().opens()) {
			return LinkPages.refused(landing.state(), model, response);
		}
		model.addAllAttributes(landing.model());
		model.addAttribute("token", token);
		return "invitations/join";
	}

	@PostMapping("/join/{token}")
	String accept(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmPassword, Model model, HttpServletResponse response) {
		try {
			var state = this.invitations.accept(token, password, confirmPassword);
			if (!state.opens()) {
				return LinkPages.refused(state, model, response);
			}
		}
		catch (InvalidInputException ex) {
			var landing = this.invitations.open(token);
			if (!landing.state().opens()) {
				return LinkPages.refused(landing.state(), model, response);
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAllAttributes(landing.model());
			model.addAttribute("token", token);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("fieldErrors", FormErrors.of(ex));
			return "invitations/join";
		}
		return "redirect:/login?joined";
	}

	/**
	 * Runs a form action that sends e-mail; a mail server that did not take it is said
	 * so.
	 */
	private static String mailed(RedirectAttributes redirect, long id, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (LinkMail.NotSent ex) {
			redirect.addFlashAttribute("error", ex.reason());
			return "redirect:" + back(id);
		}
	}

	private static String back(long id) {
		return "/partners/" + id;
	}

}
