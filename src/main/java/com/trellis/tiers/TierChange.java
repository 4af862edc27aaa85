package com.trellis.tiers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.trellis.partners.Tier;
import com.trellis.shared.StoredFigures;

/**
 * One entry of a partner's tier history.
 *
 * @param kind SCORES (held the thresholds), OVERRIDE (an admin set it), OVERRIDE_ENDED
 * (an override expired or was lifted) or MANUAL (changed on the partner's record)
 * @param effectiveOn the day the tier took effect (a weekly evaluation's change takes
 * effect the day after the week evaluated)
 * @param changedBy who changed it: a user's name, or "system"
 */
public record TierChange(long id, long partnerId, String partnerName, Tier from, Tier to, LocalDate effectiveOn,
		String kind, BigDecimal readiness, BigDecimal behaviour, BigDecimal trust, String reason, String changedBy,
		Instant changedAt) {

	/**
	 * The change as a reader in the locale reads it: the reason's figures (its scores) in
	 * the locale's notation ({@link StoredFigures} parts; a reason stored before reads as
	 * it was stored).
	 */
	public TierChange worded(Locale locale) {
		return new TierChange(this.id, this.partnerId, this.partnerName, this.from, this.to, this.effectiveOn,
				this.kind, this.readiness, this.behaviour, this.trust, StoredFigures.render(this.reason, locale),
				this.changedBy, this.changedAt);
	}

	/**
	 * The change as a column reads it: "Tier 2 → Tier 1", or "Tier 1 (kept)" when an
	 * override set, replaced or ended left the tier as it was.
	 */
	public String label() {
		return this.from == this.to ? this.to.label() + " (kept)" : this.from.label() + " → " + this.to.label();
	}

	/**
	 * An admin's change as a partner user reads it: "set by the program" (until the
	 * override's day) or "ended by the program", not the admin's reason or name.
	 */
	TierChange programWorded() {
		String worded;
		if (this.kind.equals("OVERRIDE")) {
			worded = "set by the program" + (this.reason.startsWith("override until ")
					? " until " + this.reason.substring("override until ".length()).split("[ :]", 2)[0] : "");
		}
		else if (this.kind.equals("MANUAL")) {
			worded = "set by the program";
		}
		else if (this.kind.equals("OVERRIDE_ENDED") && !this.changedBy.equals("system")) {
			worded = "override ended by the program";
		}
		else {
			return this;
		}
		return new TierChange(this.id, this.partnerId, this.partnerName, this.from, this.to, this.effectiveOn,
				this.kind, this.readiness, this.behaviour, this.trust, worded, "the program", this.changedAt);
	}

}
