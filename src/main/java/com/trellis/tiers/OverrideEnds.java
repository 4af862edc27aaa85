package com.trellis.tiers;

import java.time.Clock;
import java.time.LocalDate;

import com.trellis.audit.AuditLog;
import com.trellis.partners.Tier;
import com.trellis.shared.ConflictException;

import org.springframework.stereotype.Component;

/**
 * Ends an override, whether it expired (the daily evaluation) or an admin ended it early:
 * the override is closed and {@link TierRule} decides the tier from the weekly
 * evaluations since the partner's last change, as if no override had held it. Either way
 * the end is in the tier history ({@code OVERRIDE_ENDED}) and announced to the partner: a
 * move when the rules move the tier, else a row that keeps the tier, so that the history
 * never still reads "override until" an override that is over. Callers hold the
 * transaction.
 */
@Component
class OverrideEnds {

	private final TierStore store;

	private final TierOverrideStore overrideStore;

	private final TierMoves moves;

	private final Clock clock;

	OverrideEnds(TierStore store, TierOverrideStore overrideStore, TierMoves moves, Clock clock) {
		this.store = store;
		this.overrideStore = overrideStore;
		this.moves = moves;
		this.clock = clock;
	}

	/**
	 * Ends the override and returns the partner's tier after it.
	 * @param current the partner's tier now (the override's, normally)
	 * @param note the override's end note ("expired on ...", "ended by ...")
	 * @param why the history's reason, before the rules' decision
	 * @param notice what the partner reads, before the rules' decision
	 * @throws ConflictException naming {@code override} when it ended meanwhile
	 */
	Tier end(TierOverride override, Tier current, int weeksHeld, LocalDate today, String note, String why,
			AuditLog.Actor actor, String notice) {
		if (!this.overrideStore.endOverride(override.id(), note, this.clock.instant())) {
			throw new ConflictException("override", "the override ended meanwhile; reload the tier page");
		}
		var decision = TierRule.decide(current, this.store.sinceLastChange(override.partnerId()), weeksHeld);
		var reason = why + "; " + decision.reason();
		if (decision.moves()) {
			this.moves.move(override.partnerId(), current, decision.tier(), today, "OVERRIDE_ENDED", null, reason,
					actor, notice + " Your tier follows your scores again: they " + decision.reason() + ".");
			return decision.tier();
		}
		this.moves.keep(override.partnerId(), current, today, "OVERRIDE_ENDED", reason, actor, notice
				+ " Your tier stays " + current.label() + " and follows your scores again: " + decision.reason() + ".");
		return current;
	}

}
