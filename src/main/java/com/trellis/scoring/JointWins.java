package com.trellis.scoring;

/** Deals won together with the vendor: the partner's deals closed won in the window. */
final class JointWins extends NamedSignal {

	static final int WINDOW_DAYS = 365;

	JointWins() {
		super("joint-wins", "Joint wins", Pillar.TRUST, "Deals with the partner on them that were won",
				"deals and their stage history", "won in the last " + WINDOW_DAYS + " days", "deals");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long wins = records.deals().stream().filter(d -> {
			var step = d.stepAt(asOf);
			return step != null && step.won() && asOf.within(step.at(), WINDOW_DAYS);
		}).count();
		return Reading.of(wins, plural(wins, "deal", "deals") + " won in the last " + WINDOW_DAYS + " days");
	}

}
