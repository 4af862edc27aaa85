package com.trellis.partners;

import java.time.Clock;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;
import com.trellis.identity.Viewer;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.ConflictException;
import com.trellis.shared.InvalidInputException;
import com.trellis.shared.validation.FreeText;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The changes vendor staff make to partners, for {@link Partners}, which has checked the
 * viewer's right (and locked the partner) first: a partner added, edited or moved in its
 * lifecycle, a PAM's book moved to another PAM. Bad input is a 400 naming its field (a
 * PAM that is not an active partner account manager, a lifecycle move the rules refuse, a
 * missing reason); each change is audited with the partner before and after, and a tier
 * or lifecycle change announced. Split from {@link Partners}.
 */
@Component
class PartnerEdits {

	private final PartnerRepository partners;

	private final Users users;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final BusinessCalendar calendar;

	private final HeldTiers tierHolds;

	PartnerEdits(PartnerRepository partners, Users users, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			BusinessCalendar calendar, HeldTiers tierHolds) {
		this.tierHolds = tierHolds;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
		this.calendar = calendar;
	}

	/** Adds a partner as a prospect (program admins only: the facade checked). */
	PartnerView create(Viewer viewer, PartnerCommand command) {
		requirePam(command.ownerPamId());
		var now = this.clock.instant();
		long id = this.partners.insert(command, LifecycleStatus.PROSPECT, now);
		this.partners.changeLifecycle(id, LifecycleStatus.PROSPECT, viewer.userId(), now, "Partner added", null);
		var created = this.partners.find(viewer, id).orElseThrow();
		this.audit.record(viewer.actor(), "partner", id, "created", null, created);
		return created;
	}

	/** Saves an edit of the locked partner ({@code before}). */
	PartnerView update(Viewer viewer, long id, PartnerView before, PartnerCommand command) {
		if (before.ownerPamId() != command.ownerPamId() && !viewer.is(Role.ADMIN)) {
			throw InvalidInputException.of("ownerPamId", "only a program admin moves a partner to another PAM");
		}
		if (before.tier() != command.tier()) {
			if (!viewer.is(Role.ADMIN)) {
				throw InvalidInputException.of("tier", "only a program admin changes a partner's tier");
			}
			this.tierHolds.refusal(id, command.tier()).ifPresent(why -> {
				throw new ConflictException("tier", why);
			});
		}
		// a partner keeps a PAM who left until someone names a new one; a new PAM is
		// active
		requirePam(command.ownerPamId(), !java.util.Objects.equals(before.ownerPamId(), command.ownerPamId()));
		boolean changed = this.partners.update(id, command, this.clock.instant());
		var after = this.partners.find(viewer, id).orElseThrow();
		if (!changed) {
			// the same values again: no new version, no audit entry
			return after;
		}
		this.audit.record(viewer.actor(), "partner", id, "updated", before, after);
		if (before.tier() != after.tier()) {
			this.events.publishEvent(new PartnerTierChanged(id, before.tier(), after.tier(), viewer.userId()));
		}
		return after;
	}

	/** Moves the locked partner ({@code before}) in its lifecycle, with the reason. */
	PartnerView changeLifecycle(Viewer viewer, long id, PartnerView before, LifecycleStatus to, String reason) {
		var decision = LifecycleTransition.decide(before.lifecycleStatus(), to, reason);
		if (!decision.allowed()) {
			throw InvalidInputException.of(decision.field(), decision.reason());
		}
		this.partners.changeLifecycle(id, to, viewer.userId(), this.clock.instant(), reason.strip(),
				before.lifecycleStatus());
		if (to == LifecycleStatus.ONBOARDING && before.onboardedOn() == null) {
			this.partners.setOnboardedOn(id, this.calendar.today());
		}
		var after = this.partners.find(viewer, id).orElseThrow();
		this.events.publishEvent(new PartnerLifecycleChanged(id, before.lifecycleStatus(), to, after.onboardedOn()));
		this.audit.record(viewer.actor(), "partner", id, "lifecycle " + decision.reason(), before, after);
		return after;
	}

	/**
	 * Moves a whole book from one PAM to another (program admins only: the facade
	 * checked).
	 */
	int reassignBook(Viewer viewer, long fromPamId, long toPamId, String reason) {
		FreeText.required("reason", reason, FreeText.NOTE, "a reason is required");
		requirePam(toPamId, true, "toPamId");
		if (fromPamId == toPamId) {
			throw InvalidInputException.of("toPamId", "must differ from the current PAM");
		}
		var ids = this.partners.idsOwnedBy(fromPamId);
		if (ids.isEmpty()) {
			throw InvalidInputException.of("fromPamId", "owns no partners: there is no book to move");
		}
		int moved = this.partners.handOver(fromPamId, toPamId, this.clock.instant()).size();
		this.audit.record(viewer.actor(), "pam-book", fromPamId, "reassigned to " + toPamId + ": " + reason.strip(),
				Map.of("ownerPamId", fromPamId, "partners", ids), Map.of("ownerPamId", toPamId, "partners", ids));
		return moved;
	}

	private void requirePam(Long pamId) {
		requirePam(pamId, true);
	}

	private void requirePam(Long pamId, boolean mustBeActive) {
		requirePam(pamId, mustBeActive, "ownerPamId");
	}

	private void requirePam(Long pamId, boolean mustBeActive, String field) {
		var owner = pamId == null ? null
				: (mustBeActive ? this.users.findEnabled(pamId) : this.users.find(pamId)).orElse(null);
		if (owner == null || owner.role() != Role.PAM) {
			throw InvalidInputException.of(field, "must be the id of an active partner account manager");
		}
	}

}
