package com.trellis.scoring;

/**
 * Whether the partner's open deals keep moving: the share of its deals open at the
 * cut-off that entered their current stage at most {@value #STALE_AFTER_DAYS} days
 * before.
 */
final class DealHygiene extends NamedSignal {

	static final int STALE_AFTER_DAYS = 60;

	DealHygiene() {
		super("deal-hygiene", "Deal hygiene", Pillar.BEHAVIOUR,
				"Share of the partner's open deals that entered their current stage within the last " + STALE_AFTER_DAYS
						+ " days (not stale)",
				"deals the partner is on and their stage history", "deals open at the cut-off", "percent");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		int open = 0;
		int moving = 0;
		for (var deal : records.deals()) {
			var step = deal.stepAt(asOf);
			if (step == null || !step.open()) {
				continue;
			}
			open++;
			if (asOf.within(step.at(), STALE_AFTER_DAYS)) {
				moving++;
			}
		}
		if (open == 0) {
			return Reading.unknown("no open deals at the cut-off");
		}
		return Reading.of(100.0 * moving / open, moving + " of " + plural(open, "open deal", "open deals")
				+ " moved stage within " + STALE_AFTER_DAYS + " days");
	}

}
