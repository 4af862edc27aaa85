package com.trellis.scoring;

import java.util.Set;

/**
 * Use of recommended plays (§C17): plays attached to the partner's live deals (by the
 * partner, its PAM or the deal's AE) that were recommended for that deal when attached,
 * fitting its partner's type, verticals and capabilities, its customer and its stage
 * (recorded by the plays module as {@code PLAY_USED} activity; any other play used is
 * {@code OTHER_PLAY_USED} and earns nothing here), per 30 days. Scoring reads the
 * activity record, so it does not depend on the plays module.
 */
final class PlayUse extends NamedSignal {

	static final int WINDOW_DAYS = 90;

	static final Set<String> TYPES = Set.of("PLAY_USED");

	PlayUse() {
		super("play-use", "Use of recommended plays", Pillar.BEHAVIOUR,
				"Plays used on the partner's live deals that were recommended for the deal (fitting its partner, "
						+ "customer and stage), per 30 days; other plays used earn nothing",
				"recommended plays used (attached to the partner's deals)", "the last " + WINDOW_DAYS + " days",
				"plays per 30 days");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long used = records.activity()
			.stream()
			.filter(c -> TYPES.contains(c.type()) && asOf.within(c.day(), WINDOW_DAYS))
			.mapToLong(PartnerRecords.DailyCount::count)
			.sum();
		return Reading.of(used * 30.0 / WINDOW_DAYS,
				plural(used, "recommended play used", "recommended plays used") + " in " + WINDOW_DAYS + " days");
	}

}
