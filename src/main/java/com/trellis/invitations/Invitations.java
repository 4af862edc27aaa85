package com.trellis.invitations;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.LinkMail;
import com.trellis.identity.OneTimeLink;
import com.trellis.identity.PartnerAccounts;
import com.trellis.identity.Viewer;
import com.trellis.partners.Partners;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.validation.Commands;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitations module's facade. The partner's PAM or a program admin invites, lists,
 * resends and revokes ({@link Partners#requireManages}); the invited person opens the
 * link and sets a password, which opens their partner user. The e-mail is sent inside the
 * transaction: when the mail server does not take it, nothing is written (503). Every
 * change is audited.
 */
@Service
public class Invitations {

	/**
	 * What a partner user is told of an address that is another partner's or the
	 * vendor's.
	 */
	static final String ELSEWHERE = "cannot be invited to your partner; if they work with you, ask your partner manager";

	private static final String AUDIT_TYPE = "partner-invitation";

	private final InvitationRepository invitations;

	private final Partners partners;

	private final PartnerAccounts accounts;

	private final LinkMail mail;

	private final AuditLog audit;

	private final Commands commands;

	private final Clock clock;

	private final Duration validFor;

	Invitations(InvitationRepository invitations, Partners partners, PartnerAccounts accounts, LinkMail mail,
			AuditLog audit, Commands commands, Clock clock,
			@Value("${trellis.invitations.valid-for:7d}") Duration validFor) {
		this.invitations = invitations;
		this.partners = partners;
		this.accounts = accounts;
		this.mail = mail;
		this.audit = audit;
		this.commands = commands;
		this.clock = clock;
		this.validFor = validFor;
	}

	/**
	 * Invites a person to the partner and e-mails them the link: its PAM or an admin, or
	 * a partner user to their own partner ({@link #inviteColleague}); a partner user
	 * naming another partner is refused (403).
	 */
	@Transactional
	public InvitationView invite(Viewer viewer, long partnerId, InviteCommand command) {
		if (viewer.isPartnerUser()) {
			if (!java.util.Objects.equals(viewer.partnerId(), partnerId)) {
				throw new org.springframework.security.access.AccessDeniedException(
						"A partner user invites colleagues to their own partner only");
			}
			return inviteColleague(viewer, command);
		}
		var partner = this.partners.requireManages(viewer, partnerId);
		return invite(viewer, partner, command);
	}

	/**
	 * A partner user invites a colleague to their own partner from the portal: the same
	 * checks, link and audit as an invitation by the PAM.
	 */
	@Transactional
	public InvitationView inviteColleague(Viewer viewer, InviteCommand command) {
		if (!viewer.isPartnerUser()) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only a partner user invites colleagues from the portal");
		}
		return invite(viewer, this.partners.get(viewer, viewer.partnerId()), command);
	}

	/** The invitations of the partner user's own partner, newest first. */
	@Transactional(readOnly = true)
	public List<InvitationView> ofOwnPartner(Viewer viewer) {
		if (!viewer.isPartnerUser()) {
			throw new org.springframework.security.access.AccessDeniedException("Only a partner user has colleagues");
		}
		return views(viewer.partnerId());
	}

	/**
	 * The checks of an invitation's e-mail that {@link #invite} runs, without changing
	 * anything, so that a page form names every bad field at once.
	 */
	@Transactional // the accounts' check locks the user it reads (released at once)
	public void checkInvitation(Viewer viewer, long partnerId, InviteCommand command) {
		if (command.email() == null || command.email().isBlank()) {
			return;
		}
		var email = command.email().strip();
		refuseTaken(viewer, partnerId, email, this.invitations.findOpenFor(email), this.clock.instant());
	}

	/**
	 * Refuses an e-mail that cannot be invited or has a pending invitation. A partner
	 * user is not told whose an address of another partner or of the vendor is (that told
	 * them who else uses Trellis): {@link #ELSEWHERE}.
	 */
	private void refuseTaken(Viewer viewer, long partnerId, String email,
			java.util.Optional<InvitationRepository.Stored> open, java.time.Instant now) {
		this.accounts.whyNotInvitable(partnerId, email).ifPresent(refusal -> {
			throw InvalidInputException.of("email",
					refusal.elsewhere() && viewer.isPartnerUser() ? ELSEWHERE : refusal.reason());
		});
		if (open.isPresent() && state(open.get(), now).opens()) {
			boolean here = open.get().partnerId() == partnerId;
			throw InvalidInputException.of("email",
					here ? "has a pending invitation to this partner already; resend or revoke it"
							: viewer.isPartnerUser() ? ELSEWHERE : "has a pending invitation to another partner");
		}
	}

	private InvitationView invite(Viewer viewer, com.trellis.partners.PartnerView partner, InviteCommand command) {
		long partnerId = partner.id();
		requireTakesUsers(partner);
		// every bad field at once: the annotations and whether the e-mail can be invited
		com.trellis.shared.FormErrors
			.checks(() -> this.commands.check(command), () -> checkInvitation(viewer, partnerId, command))
			.run();
		var email = command.email().strip();
		var name = command.name().strip();
		var now = this.clock.instant();
		var open = this.invitations.lockOpenFor(email);
		refuseTaken(viewer, partnerId, email, open, now);
		if (open.isPresent()) {
			var earlier = open.get();
			// an expired invitation, or one its sunset partner withdrew, gives way to the
			// new one
			this.invitations.revoke(earlier.id(), now);
			this.audit.record(viewer.actor(), AUDIT_TYPE, earlier.id(),
					earlier.state(now).opens() ? "replaced after its partner was sunset" : "replaced after expiry",
					earlier.view(now), null);
		}
		var link = OneTimeLink.issue(now, this.validFor);
		long id = this.invitations.insert(partnerId, partner.name(), email, name, viewer.userId(), link, now);
		var invitation = this.invitations.find(id).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, id, "invited", null, invitation.view(now));
		send(invitation, link, viewer);
		return invitation.view(now);
	}

	/** The partner's invitations, newest first. */
	@Transactional(readOnly = true)
	public List<InvitationView> ofPartner(Viewer viewer, long partnerId) {
		this.partners.requireManages(viewer, partnerId);
		return views(partnerId);
	}

	private List<InvitationView> views(long partnerId) {
		var now = this.clock.instant();
		boolean sunset = this.partners.lifecycleOf(partnerId) == com.trellis.partners.LifecycleStatus.SUNSET;
		return this.invitations.ofPartner(partnerId).stream().map(invitation -> invitation.view(now, sunset)).toList();
	}

	/** Sends a new link (valid for the full time again); the old link stops opening. */
	@Transactional
	public InvitationView resend(Viewer viewer, long partnerId, long invitationId) {
		requireTakesUsers(this.partners.requireManages(viewer, partnerId));
		var invitation = lockOf(partnerId, invitationId);
		var now = this.clock.instant();
		requireNotClosed(invitation);
		var link = OneTimeLink.issue(now, this.validFor);
		this.invitations.replaceLink(invitationId, link, now);
		var after = this.invitations.find(invitationId).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, invitationId, "resent", invitation.view(now), after.view(now));
		send(after, link, viewer);
		return after.view(now);
	}

	/** The link's state; withdrawn once its partner is sunset. */
	private OneTimeLink.State state(InvitationRepository.Stored invitation, java.time.Instant now) {
		var state = invitation.state(now);
		return state.opens()
				&& this.partners.lifecycleOf(invitation.partnerId()) == com.trellis.partners.LifecycleStatus.SUNSET
						? OneTimeLink.State.REVOKED : state;
	}

	/**
	 * A sunset partner takes no new users: no invitation, no resent link, no join of an
	 * invitation sent before the sunset (s56: each let a person into its portal).
	 */
	private static void requireTakesUsers(com.trellis.partners.PartnerView partner) {
		if (partner.lifecycleStatus() == com.trellis.partners.LifecycleStatus.SUNSET) {
			throw new ConflictException("partnerId", "the partner is sunset: it takes no new users");
		}
	}

	/**
	 * Withdraws a pending invitation; its link stops opening. Revoking twice changes
	 * nothing.
	 */
	@Transactional
	public InvitationView revoke(Viewer viewer, long partnerId, long invitationId) {
		this.partners.requireManages(viewer, partnerId);
		var invitation = lockOf(partnerId, invitationId);
		var now = this.clock.instant();
		if (invitation.revokedAt() != null) {
			return invitation.view(now);
		}
		requireNotClosed(invitation);
		this.invitations.revoke(invitationId, now);
		var after = this.invitations.find(invitationId).orElseThrow();
		this.audit.record(viewer.actor(), AUDIT_TYPE, invitationId, "revoked", invitation.view(now), after.view(now));
		return after.view(now);
	}

	/**
	 * What the link in an invitation e-mail opens: whom it is for, or why it does not
	 * open.
	 */
	@Transactional(readOnly = true)
	public Landing open(String secret) {
		var now = this.clock.instant();
		return this.invitations.findByHash(OneTimeLink.hash(secret), false)
			.map(invitation -> new Landing(state(invitation, now), invitation.name(), invitation.email(),
					invitation.partnerName()))
			.orElse(Landing.UNKNOWN);
	}

	/**
	 * The invited person sets their password: their partner user is opened and the link
	 * is used up.
	 * @return the state the link was in; the user was opened only when it was open
	 */
	@Transactional
	public OneTimeLink.State accept(String secret, String password, String confirmation) {
		var now = this.clock.instant();
		var invitation = this.invitations.findByHash(OneTimeLink.hash(secret), true).orElse(null);
		if (invitation == null) {
			return OneTimeLink.State.UNKNOWN;
		}
		var state = state(invitation, now);
		if (!state.opens()) {
			return state;
		}
		long userId = this.accounts.open(invitation.partnerId(), invitation.email(), invitation.name(), password,
				confirmation);
		this.invitations.accept(invitation.id(), userId, now);
		this.audit.record(new AuditLog.Actor(userId, invitation.name()), AUDIT_TYPE, invitation.id(), "accepted",
				invitation.view(now), this.invitations.find(invitation.id()).orElseThrow().view(now));
		return state;
	}

	private InvitationRepository.Stored lockOf(long partnerId, long invitationId) {
		return this.invitations.lock(invitationId)
			.filter(invitation -> invitation.partnerId() == partnerId)
			.orElseThrow(() -> new NotFoundException("Invitation", invitationId));
	}

	private static void requireNotClosed(InvitationRepository.Stored invitation) {
		if (invitation.acceptedAt() != null) {
			throw new ConflictException("invitation", "was accepted already; the person signs in with their password");
		}
		if (invitation.revokedAt() != null) {
			throw new ConflictException("invitation", "was revoked; invite the person again");
		}
	}

	private void send(InvitationRepository.Stored invitation, OneTimeLink.Issued link, Viewer inviter) {
		this.mail.send(invitation.email(), "You are invited to Trellis for " + invitation.partnerName(),
				"Hello " + invitation.name() + ",\n\n" + inviter.name()
						+ " invited you to Trellis, the partner portal, " + "as a user of " + invitation.partnerName()
						+ ". Open this link within " + OneTimeLink.describe(this.validFor)
						+ " to choose your password; it works once.",
				"/join/" + link.secret());
	}

	/**
	 * What an invitation link opens.
	 *
	 * @param state whether it opens, and why not
	 */
	public record Landing(OneTimeLink.State state, String name, String email, String partnerName) {

		static final Landing UNKNOWN = new Landing(OneTimeLink.State.UNKNOWN, null, null, null);

		Map<String, Object> model() {
			return Map.of("name", this.name, "email", this.email, "partnerName", this.partnerName);
		}

	}

}
