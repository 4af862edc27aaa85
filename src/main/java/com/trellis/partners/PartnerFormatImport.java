package com.trellis.partners;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import com.trellis.audit.AuditLog;
import com.trellis.identity.Role;
import com.trellis.identity.Users;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners module's port for the Trellis partner format (the partners list export's
 * own columns): reads a partner as it stands, says whether a row's lifecycle move and PAM
 * are allowed, and writes a whole partner, every value of it, audited. A changed tier is
 * announced with {@link PartnerTierChanged} and a lifecycle move is recorded and
 * announced as on the partner's page. The caller (the {@code imports} module) checked the
 * admin's right and every value first.
 */
@Service
public class PartnerFormatImport {

	private final PartnerRepository partners;

	private final Users users;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final HeldTiers tierHolds;

	PartnerFormatImport(PartnerRepository partners, Users users, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, HeldTiers tierHolds) {
		this.tierHolds = tierHolds;
		this.partners = partners;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A partner of this program as it stands, whoever asks (the caller checked the role).
	 */
	@Transactional(readOnly = true)
	public Optional<PartnerView> find(long id) {
		return this.partners.findForUpdate(id);
	}

	/** Why a partner may not move from one status to another by import, or empty. */
	public Optional<String> lifecycleRefusal(LifecycleStatus from, LifecycleStatus to) {
		if (from == to) {
			return Optional.empty();
		}
		var decision = LifecycleTransition.decide(from, to, "Imported");
		return decision.allowed() ? Optional.empty() : Optional.of(decision.reason());
	}

	/**
	 * Why a partner's tier may not be changed by import, or empty: an override in force
	 * holds it ({@link TierHolds}).
	 */
	public Optional<String> tierRefusal(PartnerView partner, Tier to) {
		return partner.tier() == to ? Optional.empty() : this.tierHolds.refusal(partner.id(), to);
	}

	/**
	 * Why a user may not be a partner's PAM, or empty: a newly named PAM is an active
	 * partner account manager; the partner's current holder is kept as is, whoever it is
	 * (a PAM who left, or the admin who holds a partner a CRM import brought in), so an
	 * unchanged export re-imports.
	 */
	public Optional<String> pamRefusal(long pamId, Long currentPamId) {
		if (Objects.equals(currentPamId, pamId)) {
			return Optional.empty();
		}
		var user = this.users.findEnabled(pamId);
		if (user.isEmpty() || user.get().role() != Role.PAM) {
			return Optional.of("must name an active partner account manager");
		}
		return Optional.empty();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, PartnerCommand command, LifecycleStatus lifecycle) {
		var now = this.clock.instant();
		long id = this.partners.insert(command, lifecycle, now);
		this.partners.changeLifecycle(id, lifecycle, actor.userId(), now, "Imported (Trellis partner format)", null);
		this.audit.record(actor, "partner", id, "imported", null, this.partners.findForUpdate(id).orElseThrow());
		return id;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, PartnerCommand command, LifecycleStatus lifecycle) {
		var before = this.partners.findForUpdate(id).orElseThrow();
		var now = this.clock.instant();
		this.partners.update(id, command, now);
		if (lifecycle != before.lifecycleStatus()) {
			this.partners.changeLifecycle(id, lifecycle, actor.userId(), now, "Imported (Trellis partner format)",
					before.lifecycleStatus());
		}
		var after = this.partners.findForUpdate(id).orElseThrow();
		this.audit.record(actor, "partner", id, "updated by import", before, after);
		if (before.tier() != after.tier()) {
			this.events.publishEvent(new PartnerTierChanged(id, before.tier(), after.tier(), actor.userId()));
		}
		if (before.lifecycleStatus() != after.lifecycleStatus()) {
			this.events.publishEvent(new PartnerLifecycleChanged(id, before.lifecycleStatus(), after.lifecycleStatus(),
					after.onboardedOn()));
		}
	}

}
