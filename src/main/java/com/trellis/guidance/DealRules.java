package com.trellis.guidance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.trellis.process.OpenChecklists;
import com.trellis.process.SalesProcess;
import com.trellis.registration.RegistrationStatus;
import com.trellis.registration.RegistrationView;
import com.trellis.shared.StoredFigures;

/**
 * Everyone's rules on deals: a deal past its stage's norm, a stage's exit criteria still
 * open, an approved registration whose protection ends soon.
 */
final class DealRules {

	/** Days before the protection ends that a registration is called expiring. */
	static final int EXPIRING_DAYS = 14;

	private DealRules() {
	}

	static Advice stalled(SalesProcess.Stalled stalled) {
		var deal = stalled.stalled().deal();
		return new Advice(Kind.STALLED_DEAL, "deal:" + deal.id() + ":" + deal.stage(), deal.partnerId(),
				"Move " + StoredFigures.text(deal.name()) + " forward",
				StoredFigures.text(deal.name()) + " has been " + stalled.stalled().daysInStage() + " days in "
						+ StoredFigures.text(stalled.stageName()) + " where the norm is " + stalled.stalled().normDays()
						+ " days; " + StoredFigures.text(stalled.actor()) + " acts next.",
				"Open the deal", "/opportunities/" + deal.id());
	}

	static Advice exitCriteria(OpenChecklists.Waiting waiting) {
		return new Advice(Kind.MISSING_EXIT_CRITERIA, "deal:" + waiting.opportunityId() + ":" + waiting.stageName(),
				null, "Tick the exit criteria of " + StoredFigures.text(waiting.dealName()),
				waiting.open() + " of " + waiting.total() + " exit criteria of "
						+ StoredFigures.text(waiting.stageName())
						+ " are still open; the deal cannot advance until they are ticked.",
				"Open the deal", "/opportunities/" + waiting.opportunityId());
	}

	/**
	 * An approved registration whose protection ends within {@value #EXPIRING_DAYS} days
	 * of {@code today} in the business zone.
	 */
	static Optional<Advice> expiring(RegistrationView registration, LocalDate today, ZoneId zone) {
		Instant ends = registration.protectionEndsAt();
		if (registration.status() != RegistrationStatus.APPROVED || ends == null) {
			return Optional.empty();
		}
		var endDay = ends.atZone(zone).toLocalDate();
		long days = ChronoUnit.DAYS.between(today, endDay);
		if (days < 0 || days > EXPIRING_DAYS) {
			return Optional.empty();
		}
		return Optional
			.of(new Advice(Kind.EXPIRING_REGISTRATION, "registration:" + registration.id(), registration.partnerId(),
					"Protection of " + StoredFigures.text(registration.customerName()) + " ends on " + endDay,
					"The registration of " + StoredFigures.text(registration.customerName()) + " is protected until "
							+ endDay + ", in " + days + " days"
							+ (registration.extended() ? "; it was extended once already"
									: "; extend it or move the deal on before then")
							+ ".",
					"Open the registration", "/registrations/" + registration.id()));
	}

}
