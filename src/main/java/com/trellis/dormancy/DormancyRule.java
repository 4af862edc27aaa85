package com.trellis.dormancy;

import com.trellis.shared.Plural;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A partner is dormant after {@code idleDays} with no dormancy signal (portal login,
 * registration, enablement activity); with no signal at all, the idle time counts from
 * onboarding. Days are counted in the business time zone.
 */
final class DormancyRule {

	private DormancyRule() {
	}

	static Decision decide(Instant lastSignal, LocalDate onboardedOn, LocalDate today, int idleDays,
			ZoneId businessZone) {
		LocalDate since = lastSignal != null ? LocalDate.ofInstant(lastSignal, businessZone) : onboardedOn;
		if (since == null) {
			return new Decision(false, "not onboarded");
		}
		long idle = today.toEpochDay() - since.toEpochDay();
		if (idle >= idleDays) {
			return new Decision(true,
					"no portal login, registration or enablement activity for " + Plural.of(idle, "day") + " (last "
							+ (lastSignal == null ? "none since onboarding on " + onboardedOn : "on " + since) + ")");
		}
		return new Decision(false, idle == 0 ? "active today" : "active " + Plural.of(idle, "day") + " ago");
	}

	record Decision(boolean dormant, String reason) {
	}

}
