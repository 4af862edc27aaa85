package com.trellis.partners;

import java.time.Clock;
import java.util.List;

import com.trellis.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners module's import port: writes partners that come from another system's
 * export. The caller (the {@code imports} module) has checked the admin's right and every
 * value, including that the PAM is one; each write is audited. An imported partner starts
 * in the lifecycle status the export gives, recorded as its first move.
 */
@Service
public class PartnerImport {

	private final PartnerRepository partners;

	private final AuditLog audit;

	private final Clock clock;

	PartnerImport(PartnerRepository partners, AuditLog audit, Clock clock) {
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public long create(AuditLog.Actor actor, ImportedPartner partner, String source) {
		var now = this.clock.instant();
		var command = new PartnerCommand(partner.name(), partner.type(), partner.webDomain(), List.of(), List.of(),
				partner.region(), partner.onboardedOn(), partner.ownerPamId(), partner.tier());
		long id = this.partners.insert(command, partner.lifecycle(), now);
		this.partners.changeLifecycle(id, partner.lifecycle(), actor.userId(), now, "Imported from " + source, null);
		this.audit.record(actor, "partner", id, "imported", null, this.partners.findForUpdate(id).orElseThrow());
		return id;
	}

	/**
	 * Brings the source's values (name, type, domain, region) up to a later export; the
	 * PAM, tier, lifecycle and onboarding day stay as the program set them.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void update(AuditLog.Actor actor, long id, ImportedPartner partner) {
		var before = this.partners.findForUpdate(id).orElseThrow();
		var command = new PartnerCommand(partner.name(), partner.type(), partner.webDomain(), before.verticals(),
				before.capabilities(), partner.region(), before.onboardedOn(), before.ownerPamId(), before.tier());
		this.partners.update(id, command, this.clock.instant());
		this.audit.record(actor, "partner", id, "updated by import", before,
				this.partners.findForUpdate(id).orElseThrow());
	}

}
