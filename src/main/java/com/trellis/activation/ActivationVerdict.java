package com.trellis.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The activation rule of §C5: a partner is activated when it has registered and
 * closed-won a first deal within 90 days of onboarding. Before day 90 it is still in
 * progress unless both already happened; from day 90 the verdict is final. Days are
 * business days, counted in the business time zone.
 */
final class ActivationVerdict {

	static final int WINDOW_DAYS = 90;

	private ActivationVerdict() {
	}

	static Verdict decide(LocalDate onboardedOn, Instant firstRegistered, Instant firstWon, LocalDate today,
			ZoneId businessZone) {
		var deadline = onboardedOn.plusDays(WINDOW_DAYS);
		boolean registered = within(firstRegistered, onboardedOn, deadline, businessZone);
		boolean won = within(firstWon, onboardedOn, deadline, businessZone);
		if (registered && won) {
			return new Verdict(Status.ACTIVATED, "registered and won a first deal within " + WINDOW_DAYS + " days");
		}
		if (today.isBefore(deadline)) {
			return new Verdict(Status.IN_PROGRESS, "day " + (today.toEpochDay() - onboardedOn.toEpochDay()) + " of "
					+ WINDOW_DAYS + (registered ? "; registered, no win yet" : "; no deal registered yet"));
		}
		return new Verdict(Status.NOT_ACTIVATED, !registered ? "no deal registered within " + WINDOW_DAYS + " days"
				: "no deal won within " + WINDOW_DAYS + " days");
	}

	private static boolean within(Instant at, LocalDate from, LocalDate deadline, ZoneId businessZone) {
		if (at == null) {
			return false;
		}
		var day = LocalDate.ofInstant(at, businessZone);
		return !day.isBefore(from) && day.isBefore(deadline);
	}

	enum Status {

		IN_PROGRESS, ACTIVATED, NOT_ACTIVATED

	}

	record Verdict(Status status, String reason) {
	}

}
