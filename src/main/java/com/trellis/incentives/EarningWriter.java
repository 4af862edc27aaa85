package com.trellis.incentives;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

import com.trellis.audit.AuditLog;
import com.trellis.notify.PartnerNotice;
import com.trellis.shared.MinorUnits;
import com.trellis.shared.MoneyFormat;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes earnings into the ledger, audits them and tells the partner. Amounts are rounded
 * to the currency's minor unit here, once; an earning of nothing is neither written nor
 * announced.
 */
@Component
class EarningWriter {

	private final LedgerRepository ledger;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EarningWriter(LedgerRepository ledger, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.ledger = ledger;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Earns once per program, partner and source; false when nothing was written. */
	boolean earn(long partnerId, Program program, String kind, Earned earned) {
		var rounded = rounded(earned);
		if (rounded.amount().signum() == 0) {
			return false;
		}
		boolean written = this.ledger.earn(partnerId, program, kind, rounded, this.clock.instant());
		if (written) {
			var money = MoneyFormat.of(rounded.amount(), rounded.currency());
			var words = StoredFigures.money(rounded.amount(), rounded.currency());
			this.audit.record(AuditLog.Actor.SYSTEM, "incentive-earning", partnerId + ":" + rounded.sourceKey(),
					"earned " + money + " under " + program.name(), null, rounded);
			boolean adjustment = rounded.sourceKey().contains(":adjusted:");
			this.events.publishEvent(new PartnerNotice("earning:" + program.id() + ":" + rounded.sourceKey(), partnerId,
					"EARNING",
					adjustment ? "Your " + StoredFigures.text(program.name()) + " earning was recomputed: " + words
							: "You earned " + words,
					StoredFigures.text(program.name()) + ": " + rounded.basis(),
					"/partners/" + partnerId + "/incentives"));
		}
		return written;
	}

	/**
	 * Audits reversals just written and tells each partner, as for every other change to
	 * what they earned.
	 */
	void reversed(List<LedgerRepository.Reversal> reversals, String why) {
		var names = new HashMap<Long, String>();
		for (var reversal : reversals) {
			var name = names.computeIfAbsent(reversal.programId(), this::programName);
			var money = MoneyFormat.of(MinorUnits.round(reversal.amount(), reversal.currency()), reversal.currency());
			this.audit.record(AuditLog.Actor.SYSTEM, "incentive-earning",
					reversal.partnerId() + ":" + reversal.sourceKey(),
					"reversed " + money + " under " + name + ": " + why, null, null);
			this.events.publishEvent(new PartnerNotice("earning:" + reversal.programId() + ":" + reversal.sourceKey(),
					reversal.partnerId(), "EARNING",
					"Your " + StoredFigures.text(name) + " earning was reversed: "
							+ StoredFigures.money(MinorUnits.round(reversal.amount(), reversal.currency()),
									reversal.currency()),
					StoredFigures.text(name) + ": " + StoredFigures.text(why),
					"/partners/" + reversal.partnerId() + "/incentives"));
		}
	}

	private String programName(long programId) {
		return this.ledger.programs()
			.stream()
			.filter(p -> p.id() == programId)
			.map(Program::name)
			.findFirst()
			.orElse("program " + programId);
	}

	private static Earned rounded(Earned earned) {
		BigDecimal amount = MinorUnits.round(earned.amount(), earned.currency());
		return new Earned(earned.sourceKey(), earned.opportunityId(), earned.period(), amount, earned.currency(),
				earned.basis());
	}

}
