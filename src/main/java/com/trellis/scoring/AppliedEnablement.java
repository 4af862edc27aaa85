package com.trellis.scoring;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether training turns into selling (§C6): of the partner's completed courses and
 * certifications, the share followed within {@value #APPLIED_WITHIN_DAYS} days by a play
 * used, a deal registered or a joint customer meeting (the enablement module's own
 * definition). A completion younger than that and not yet applied is left out: it may
 * still be.
 */
final class AppliedEnablement extends NamedSignal {

	static final int WINDOW_DAYS = 365;

	static final int APPLIED_WITHIN_DAYS = 60;

	static final Set<String> COMPLETIONS = Set.of("TRAINING_COMPLETED", "CERTIFICATION_EARNED");

	static final Set<String> APPLICATIONS = Set.of("PLAY_USED", "OTHER_PLAY_USED", "DEAL_REGISTERED",
			"CO_SELL_MEETING");

	AppliedEnablement() {
		super("applied-enablement", "Applied enablement", Pillar.BEHAVIOUR,
				"Share of completed courses and certifications followed within " + APPLIED_WITHIN_DAYS
						+ " days by a play used, a deal registered or a joint customer meeting",
				"courses completed, certifications earned, plays used, deals registered and "
						+ "joint customer meetings",
				"completions in the last " + WINDOW_DAYS + " days", "percent");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		var applicationDays = new TreeSet<LocalDate>();
		records.activity()
			.stream()
			.filter(c -> APPLICATIONS.contains(c.type()) && asOf.knows(c.day()))
			.forEach(c -> applicationDays.add(c.day()));
		long decided = 0;
		long applied = 0;
		for (var completion : records.activity()) {
			if (!COMPLETIONS.contains(completion.type()) || !asOf.within(completion.day(), WINDOW_DAYS)) {
				continue;
			}
			var next = applicationDays.ceiling(completion.day());
			boolean wasApplied = next != null && next.isBefore(completion.day().plusDays(APPLIED_WITHIN_DAYS));
			if (wasApplied) {
				applied += completion.count();
				decided += completion.count();
			}
			else if (!completion.day().plusDays(APPLIED_WITHIN_DAYS).isAfter(asOf.day())) {
				decided += completion.count();
			}
		}
		if (decided == 0) {
			return Reading.unknown("no course or certification completed in the last " + WINDOW_DAYS
					+ " days that has been applied or had " + APPLIED_WITHIN_DAYS + " days to be");
		}
		return Reading.of(100.0 * applied / decided, applied + " of " + plural(decided, "completion", "completions")
				+ " applied within " + APPLIED_WITHIN_DAYS + " days");
	}

}
