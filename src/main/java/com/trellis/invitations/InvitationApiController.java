package com.trellis.invitations;

import java.util.List;

import com.trellis.identity.ActsOn;
import com.trellis.identity.Viewer;
import com.trellis.partners.PartnerChecks;
import com.trellis.shared.BodyChecks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/partners/{id}/invitations")
@Tag(name = "Partner invitations",
		description = "Partner users invited by their PAM, a program admin or a colleague (a partner user)")
@PreAuthorize("hasAnyRole('ADMIN', 'PAM')")
class InvitationApiController {

	private final Invitations invitations;

	InvitationApiController(Invitations invitations) {
		this.invitations = invitations;
	}

	@GetMapping
	@ActsOn(PartnerChecks.Managed.class)
	@Operation(summary = "The partner's invitations, newest first (its PAM or an admin)")
	List<InvitationView> list(Viewer viewer, @PathVariable long id) {
		return this.invitations.ofPartner(viewer, id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('ADMIN', 'PAM', 'PARTNER')")
	@ActsOn(InviterCheck.class)
	@Operation(summary = "Invite a person to the partner (its PAM, an admin, or a partner user to their own partner)",
			description = "E-mails a single-use link (valid for trellis.invitations.valid-for) where the person "
					+ "sets a password and their partner user is opened. A partner user invites colleagues to "
					+ "their own partner only (another partner: 403), as on the portal's colleagues page. 503 when "
					+ "the e-mail could not be sent; then nothing is written.")
	InvitationView invite(Viewer viewer, @PathVariable long id, @Valid @RequestBody InviteCommand command,
			BindingResult binding) {
		// every bad field in one round: the body's and whether the e-mail can be invited
		BodyChecks.require(binding, () -> this.invitations.checkInvitation(viewer, id, command));
		return this.invitations.invite(viewer, id, command);
	}

	@PostMapping("/{invitationId}/resend")
	@ActsOn(PartnerChecks.Managed.class)
	@Operation(summary = "Send a new link; the earlier link stops working")
	InvitationView resend(Viewer viewer, @PathVariable long id, @PathVariable long invitationId) {
		return this.invitations.resend(viewer, id, invitationId);
	}

	@PostMapping("/{invitationId}/revoke")
	@ActsOn(PartnerChecks.Managed.class)
	@Operation(summary = "Withdraw a pending invitation; its link stops working")
	InvitationView revoke(Viewer viewer, @PathVariable long id, @PathVariable long invitationId) {
		return this.invitations.revoke(viewer, id, invitationId);
	}

}
