package com.trellis.scoring;

/**
 * The field coming back: invitations from an account executive who had invited the
 * partner before.
 */
final class RepeatInvitations extends NamedSignal {

	static final int WINDOW_DAYS = 365;

	RepeatInvitations() {
		super("repeat-invitations", "Repeat invitations", Pillar.TRUST,
				"AE invitations from an account executive who had invited the partner before (at any earlier time)",
				AeInvitations.SOURCE, "invitations in the last " + WINDOW_DAYS + " days", "invitations");
	}

	@Override
	public Reading read(PartnerRecords records, AsOf asOf) {
		long repeats = records.invitations()
			.stream()
			.filter(i -> asOf.within(i.at(), WINDOW_DAYS))
			.filter(i -> records.invitations()
				.stream()
				.anyMatch(earlier -> earlier.aeId() == i.aeId() && earlier.at().isBefore(i.at())))
			.count();
		return Reading.of(repeats,
				plural(repeats, "repeat invitation", "repeat invitations") + " in the last " + WINDOW_DAYS + " days");
	}

}
