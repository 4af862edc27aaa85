package com.trellis.registration;

import java.time.Clock;

import com.trellis.audit.AuditLog;
import com.trellis.shared.StoredFigures;

import org.springframework.stereotype.Component;

/**
 * Ends lapsed protections: every registration whose protection ended before its deal
 * closed expires, its partner is told, and what waited behind it is decided again. One
 * statement picks and changes the rows, so running it twice, or on two instances at once,
 * expires each registration once. Then any queue still held behind a registration that no
 * longer protects is released ({@link ProtectionRepository#lapsedWithQueue}); a held
 * registration is reconsidered only while it is on hold, under its row lock.
 */
@Component
class ProtectionExpiry {

	private final ProtectionRepository protections;

	private final RegistrationRepository registrations;

	private final StatusMoves moves;

	private final HeldQueue held;

	private final AuditLog audit;

	private final Clock clock;

	ProtectionExpiry(ProtectionRepository protections, RegistrationRepository registrations, StatusMoves moves,
			HeldQueue held, AuditLog audit, Clock clock) {
		this.protections = protections;
		this.registrations = registrations;
		this.moves = moves;
		this.held = held;
		this.audit = audit;
		this.clock = clock;
	}

	/** Returns how many registrations this run expired. */
	int expireLapsed() {
		var now = this.clock.instant();
		var expired = this.protections.expireLapsed(now, "The protection period ended before the deal closed.");
		var rows = expired.stream().map(id -> this.registrations.findForUpdate(id).orElseThrow()).toList();
		for (var row : rows) {
			long id = row.view().id();
			this.registrations.recordHistory(id, null, RegistrationStatus.EXPIRED, null, now,
					"Protection period ended");
			this.audit.record(AuditLog.Actor.SYSTEM, "deal-registration", id, "expired", null, row.view());
			this.moves.notice(row.view(), "EXPIRED",
					"Registration expired: " + StoredFigures.text(row.view().customerName()),
					"The protection period of your registration ended before the deal closed.");
		}
		this.held.release(null, rows);
		this.held.release(null, this.protections.lapsedWithQueue());
		return expired.size();
	}

}
