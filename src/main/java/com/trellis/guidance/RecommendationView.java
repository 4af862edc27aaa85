package com.trellis.guidance;

import java.time.Instant;
import java.time.LocalDate;

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
}
