package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import com.trellis.audit.AuditLog;
import com.trellis.notify.PartnerNotice;
import com.trellis.partners.Partners;
import com.trellis.partners.Tier;
import com.trellis.shared.BusinessCalendar;
import com.trellis.shared.StoredFigures;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies one tier move: the history row, the partner's tier (audited and announced as
 * {@code PartnerTierChanged} by the partners module) and one notice to the partner, keyed
 * by the history row so that it is sent exactly once. Callers hold the transaction and
 * word the notice ({@code notice}: what the partner reads; an admin's reason stays
 * internal).
 * <p>
 * The history row keeps the reason with its figures as parts, worded per reader when read
 * ({@link TierChange#worded}); the partner's audit entry gets it worded once, in the
 * program's notation ({@code trellis.business.locale}): the audit log is a record read as
 * stored by people and exports of every module, most of whose entries hold free text that
 * is no stored-figures text, so it is not rendered on read.
 */
@Component
class TierMoves {

	private final TierStore store;

	private final Partners partners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final BusinessCalendar calendar;

	TierMoves(TierStore store, Partners partners, ApplicationEventPublisher events, Clock clock,
			BusinessCalendar calendar) {
		this.store = store;
		this.partners = partners;
		this.events = events;
		this.clock = clock;
		this.calendar = calendar;
	}

	long move(long partnerId, Tier from, Tier to, LocalDate effectiveOn, String kind, BigDecimal[] scores,
			String reason, AuditLog.Actor actor, String notice) {
		long id = this.store.recordChange(partnerId, from, to, effectiveOn, kind, scores, reason, actor.userId(),
				this.clock.instant());
		this.partners.changeTier(partnerId, to, actor, StoredFigures.render(reason, this.calendar.locale()));
		this.events.publishEvent(new PartnerNotice("tier-change:" + id, partnerId, "TIER_CHANGED",
				"Your tier is now " + to.label(), notice + " Open your tier to see what the next tier needs.",
				"/partners/" + partnerId + "/tier"));
		return id;
	}

	/**
	 * A history row that keeps the tier (an override set or replaced at the tier the
	 * partner has, or one ended where the rules keep it) and one notice to the partner;
	 * the partner's record is left alone. The tier's "since" and the weeks a move needs
	 * count from the last row that changed the tier, not from such a row.
	 */
	long keep(long partnerId, Tier tier, LocalDate effectiveOn, String kind, String reason, AuditLog.Actor actor,
			String notice) {
		long id = this.store.recordChange(partnerId, tier, tier, effectiveOn, kind, null, reason, actor.userId(),
				this.clock.instant());
		this.events.publishEvent(new PartnerNotice("tier-change:" + id, partnerId, "TIER_CHANGED",
				"Your tier stays " + tier.label(), notice + " Open your tier to see what the next tier needs.",
				"/partners/" + partnerId + "/tier"));
		return id;
	}

}
