package com.trellis.guidance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import com.trellis.shared.StoredFigures;

/**
 * A recommendation as its person sees it: what to do, why, the one action, and what they
 * did with it.
 *
 * @param state OPEN, ACCEPTED, DISMISSED or SNOOZED
 * @param snoozedUntil the day a snoozed one shows again, else null
 * @param outcomeAt when the outcome it aimed at happened, else null
 */
public record RecommendationView(long id, Kind kind, String kindLabel, Long partnerId, String title, String reason,
		String actionLabel, String actionLink, String state, String dismissReason, LocalDate snoozedUntil,
		LocalDate shownOn, Instant actedAt, Instant outcomeAt) {

	/**
	 * The recommendation as a reader in the locale reads it: the reason's figures in the
	 * locale's notation ({@link StoredFigures} parts; a reason stored before reads as it
	 * was stored).
	 */
	public RecommendationView worded(Locale locale) {
		return new RecommendationView(this.id, this.kind, this.kindLabel, this.partnerId,
				StoredFigures.render(this.title, locale), StoredFigures.render(this.reason, locale), this.actionLabel,
				this.actionLink, this.state, this.dismissReason, this.snoozedUntil, this.shownOn, this.actedAt,
				this.outcomeAt);
	}

}
