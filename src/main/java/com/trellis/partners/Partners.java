package com.trellis.partners;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Viewer;
import com.trellis.shared.NotFoundException;
import com.trellis.shared.PageRequest;
import com.trellis.shared.PageResult;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners module's facade. Vendor staff read every partner; a partner user reads
 * only their own. Admins change any partner, a PAM only the partners in their book.
 */
@Service
public class Partners {

	private final PartnerRepository partners;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final PartnerEdits edits;

	Partners(PartnerRepository partners, AuditLog audit, Clock clock, ApplicationEventPublisher events,
			PartnerEdits edits) {
		this.edits = edits;
		this.events = events;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public PageResult<PartnerView> search(Viewer viewer, PartnerFilter filter, PageRequest page) {
		return this.partners.search(viewer, filter, page);
	}

	@Transactional(readOnly = true)
	public PartnerView get(Viewer viewer, long id) {
		return this.partners.find(viewer, id).orElseThrow(() -> new NotFoundException("Partner", id));
	}

	@Transactional(readOnly = true)
	public List<LifecycleChange> lifecycleHistory(Viewer viewer, long id) {
		get(viewer, id);
		return this.partners.history(id);
	}

	@Transactional(readOnly = true)
	public Map<Long, String> names(Viewer viewer, List<Long> ids) {
		return this.partners.names(viewer, ids);
	}

	@Transactional(readOnly = true)
	public Map<LifecycleStatus, Long> countByLifecycle(Viewer viewer, Long pamId) {
		return this.partners.countByLifecycle(viewer, pamId);
	}

	/** Partners onboarded on or after a day and not sunset, for activation plans. */
	@Transactional(readOnly = true)
	public List<PartnerView> onboardedSince(LocalDate day) {
		return this.partners.onboardedSince(day);
	}

	/** Partners in any of the given statuses, for jobs that watch the whole program. */
	@Transactional(readOnly = true)
	public List<PartnerView> inStatuses(java.util.Set<LifecycleStatus> statuses) {
		return this.partners.inStatuses(statuses);
	}

	/** The partner's lifecycle status now, whoever asks (a join link has no viewer). */
	@Transactional(readOnly = true)
	public LifecycleStatus lifecycleOf(long partnerId) {
		return this.partners.lifecycle(partnerId).orElseThrow(() -> new NotFoundException("Partner", partnerId));
	}

	/** When the partner last entered its current status. */
	@Transactional(readOnly = true)
	public java.time.Instant inStatusSince(long partnerId) {
		return this.partners.history(partnerId).stream().findFirst().map(LifecycleChange::changedAt).orElse(null);
	}

	/**
	 * A lifecycle move decided by a job (dormancy), recorded with its reason like any
	 * other. False when the partner's status (read under its lock) no longer allows it,
	 * e.g. another instance's run made the same move first: nothing is then recorded.
	 */
	@Transactional
	public boolean changeLifecycleAsSystem(long id, LifecycleStatus to, String reason) {
		var before = this.partners.findForUpdate(id).orElseThrow(() -> new NotFoundException("Partner", id));
		var decision = LifecycleTransition.decide(before.lifecycleStatus(), to, reason);
		if (!decision.allowed()) {
			return false;
		}
		this.partners.changeLifecycle(id, to, null, this.clock.instant(), reason, before.lifecycleStatus());
		this.audit.record(AuditLog.Actor.SYSTEM, "partner", id, "lifecycle " + decision.reason(), before,
				this.partners.findForUpdate(id).orElseThrow());
		this.events.publishEvent(new PartnerLifecycleChanged(id, before.lifecycleStatus(), to, before.onboardedOn()));
		return true;
	}

	/** When a partner was onboarded, for system rules; null when not yet. */
	@Transactional(readOnly = true)
	public LocalDate onboardedOn(long partnerId) {
		return this.partners.onboardedOn(partnerId);
	}

	/**
	 * For a leaver's hand-over (program admins only; the caller checks the receiver and
	 * audits the whole hand-over): gives a PAM's whole book to another PAM.
	 * @return the ids of the partners moved
	 */
	@Transactional
	public List<Long> handOverBook(Viewer viewer, long fromPamId, long toPamId) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin reassigns books");
		}
		return this.partners.handOver(fromPamId, toPamId, this.clock.instant());
	}

	/**
	 * Ids of the partners in a PAM's book, ascending. Read once per page request
	 * ({@link BooksOfRequest}: a home page's panels each scope by it).
	 */
	@Transactional(readOnly = true)
	public List<Long> book(long pamId) {
		return BooksOfRequest.book(pamId, this.partners::idsInBook);
	}

	/**
	 * The partner's PAM, for work that comes to them (no viewer: the caller acted
	 * already).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Long> ownerPam(long partnerId) {
		return this.partners.ownerPamOf(partnerId);
	}

	public boolean canEdit(Viewer viewer, PartnerView partner) {
		return PartnerAuthority.manages(viewer, partner.ownerPamId()).allowed();
	}

	/**
	 * Whether the viewer decides for the partner: the partner's own PAM or a program
	 * admin. The one place that says who is "the partner's PAM".
	 */
	@Transactional(readOnly = true)
	public boolean manages(Viewer viewer, long partnerId) {
		if (!viewer.is(Role.ADMIN, Role.PAM)) {
			return false;
		}
		return this.partners.ownerPamOf(partnerId)
			.map(pam -> PartnerAuthority.manages(viewer, pam).allowed())
			.orElse(false);
	}

	/**
	 * Refuses a viewer who does not decide for the partner: 404 when they cannot see it,
	 * 403 unless they are its PAM or a program admin.
	 */
	@Transactional(readOnly = true)
	public PartnerView requireManages(Viewer viewer, long id) {
		var partner = this.partners.find(viewer, id).orElseThrow(() -> new NotFoundException("Partner", id));
		if (!canEdit(viewer, partner)) {
			throw new AccessDeniedException("Only the partner's PAM or a program admin changes this partner");
		}
		return partner;
	}

	/**
	 * Refuses a viewer who may not act on the partner's behalf: a PAM for a partner
	 * outside their book, a partner user for another partner. Call it before validating
	 * the rest of the input. An unknown partner passes: the caller's validation names it.
	 */
	@Transactional(readOnly = true)
	public void requireActsFor(Viewer viewer, long partnerId) {
		var owner = this.partners.ownerPamOf(partnerId);
		if (owner.isEmpty()) {
			return;
		}
		var decision = PartnerAuthority.actsFor(viewer, partnerId, owner.get());
		if (!decision.allowed()) {
			throw new AccessDeniedException(decision.reason());
		}
	}

	/**
	 * {@link #requireActsFor(Viewer, long)} and {@link #get} in one read: refuses a
	 * viewer who may not act on the partner's behalf, then gives the partner as the
	 * viewer sees it, with its PAM; empty when it is unknown, for the caller's validation
	 * to name.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<PartnerView> actedFor(Viewer viewer, long partnerId) {
		return actedFor(viewer, partnerId, this.partners.find(viewer, partnerId));
	}

	/**
	 * As {@link #actedFor(Viewer, long)}, with the partner read when the caller sends its
	 * pipeline: the supplier checks who may act for it, as that method does, when it is
	 * asked (after the send).
	 */
	public java.util.function.Supplier<java.util.Optional<PartnerView>> actedFor(
			com.trellis.shared.SqlPipeline pipeline, Viewer viewer, long partnerId) {
		var read = this.partners.find(pipeline, viewer, partnerId);
		return () -> actedFor(viewer, partnerId, read.get());
	}

	private java.util.Optional<PartnerView> actedFor(Viewer viewer, long partnerId,
			java.util.Optional<PartnerView> partner) {
		if (partner.isEmpty()) {
			// hidden from a partner user: the rule decides whether it is another's
			requireActsFor(viewer, partnerId);
			return partner;
		}
		var decision = PartnerAuthority.actsFor(viewer, partnerId, partner.get().ownerPamId());
		if (!decision.allowed()) {
			throw new AccessDeniedException(decision.reason());
		}
		return partner;
	}

	@Transactional
	public PartnerView create(Viewer viewer, PartnerCommand command) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin adds partners");
		}
		return this.edits.create(viewer, command);
	}

	@Transactional
	public PartnerView update(Viewer viewer, long id, PartnerCommand command) {
		return update(viewer, id, command, null);
	}

	/**
	 * {@link #update}, refused (409 on {@code version}) when the partner changed since
	 * the editor read it at {@code seenVersion} ({@link #version}; null: not checked).
	 */
	@Transactional
	public PartnerView update(Viewer viewer, long id, PartnerCommand command, Long seenVersion) {
		var before = lockEditable(viewer, id);
		if (seenVersion != null && !seenVersion.equals(this.partners.version(id).orElseThrow())) {
			throw new com.trellis.shared.ConflictException("version",
					"someone changed this partner since you opened the form");
		}
		return this.edits.update(viewer, id, before, command);
	}

	/**
	 * The partner's version as its edit form carries it; the form's controller has read
	 * the partner as the viewer (no second check).
	 */
	long version(long id) {
		return this.partners.version(id).orElseThrow();
	}

	/**
	 * A tier move decided by the tiers module (scores held, an override or its expiry),
	 * which records the tier history; audited here and announced as
	 * {@link PartnerTierChanged}. Returns the tier before (unchanged when equal).
	 */
	@Transactional
	public Tier changeTier(long id, Tier to, AuditLog.Actor actor, String reason) {
		var before = this.partners.findForUpdate(id).orElseThrow(() -> new NotFoundException("Partner", id));
		if (before.tier() == to) {
			return before.tier();
		}
		this.partners.setTier(id, to, this.clock.instant());
		this.audit.record(actor, "partner", id, "tier " + before.tier().name() + " -> " + to.name() + ": " + reason,
				java.util.Map.of("tier", before.tier().name()), java.util.Map.of("tier", to.name()));
		this.events.publishEvent(new PartnerTierChanged(id, before.tier(), to, null));
		return before.tier();
	}

	@Transactional
	public PartnerView changeLifecycle(Viewer viewer, long id, LifecycleStatus to, String reason) {
		return this.edits.changeLifecycle(viewer, id, lockEditable(viewer, id), to, reason);
	}

	/**
	 * Moves a whole book from one PAM to another in one transaction; returns how many
	 * moved.
	 */
	@Transactional
	public int reassignBook(Viewer viewer, long fromPamId, long toPamId, String reason) {
		if (!viewer.is(Role.ADMIN)) {
			throw new AccessDeniedException("Only a program admin reassigns books");
		}
		return this.edits.reassignBook(viewer, fromPamId, toPamId, reason);
	}

	private PartnerView lockEditable(Viewer viewer, long id) {
		requireManages(viewer, id);
		return this.partners.findForUpdate(id).orElseThrow();
	}

}
